import type { ChildProcess } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'

/**
 * Servers the tests start run detached, in their own process group, so that one signal reaches
 * the server and anything it forked. These helpers signal and wait for such a group, with bounds:
 * a test's clean-up must never wait for ever on a process that ignores SIGTERM.
 */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * True while a live process of group `pgid` exists. Zombies do not count: an orphaned worker that
 * died but was not yet reaped holds no port and no file, and `kill(-pgid, 0)` would still see it.
 */
export function groupAlive(pgid: number): boolean {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    let stat: string
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
    } catch {
      continue // exited while we looked
    }
    // "pid (comm) state ppid pgrp …": comm may hold spaces and parentheses, so split after the last ')'.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    if (Number(pgrp) === pgid && state !== 'Z' && state !== 'X') return true
  }
  return false
}

/** Sends `signal` to the whole group; a group that is already gone is not an error. */
export function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal)
  } catch {
    // already gone
  }
}

/** Resolves when `child` has exited (at once if it already has). */
export function childExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => child.once('exit', () => resolve()))
}

async function waitUntilGone(pgid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms
  while (groupAlive(pgid) && Date.now() < deadline) await sleep(50)
  return !groupAlive(pgid)
}

/**
 * Stops the group led by `child`: `signal` (SIGTERM by default, a graceful stop), then SIGKILL
 * for whatever still runs after `graceMs`. Resolves once no live process of the group is left;
 * throws if even SIGKILL did not empty it within 10 s.
 */
export async function stopGroup(
  child: ChildProcess,
  { signal = 'SIGTERM', graceMs = 15_000 }: { signal?: NodeJS.Signals; graceMs?: number } = {},
): Promise<void> {
  const pgid = child.pid
  if (pgid === undefined) return
  signalGroup(pgid, signal)
  let timer: ReturnType<typeof setTimeout> | undefined
  const graceOver = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))
  const leaderExited = await Promise.race([
    childExit(child).then(() => true),
    graceOver.then(() => false),
  ])
  clearTimeout(timer)
  // The leader's exit is not enough: a forked worker could still hold the port or the database.
  // It gets a moment to follow; a leader still running after its grace gets none.
  if (leaderExited && (await waitUntilGone(pgid, 2_000))) return
  signalGroup(pgid, 'SIGKILL')
  await childExit(child)
  if (!(await waitUntilGone(pgid, 10_000)))
    throw new Error(`process group ${pgid} survived SIGKILL`)
}

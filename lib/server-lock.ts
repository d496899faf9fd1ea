/**
 * The server lock: every running app server (`next start`/`next dev`) records itself in a folder
 * beside the SQLite database, `<database>.server.lock/<host>.<pid>.json` (pid, the process's
 * start time from /proc, host, database file), rewritten by a heartbeat and removed at exit.
 * `npm run restore` reads it and refuses while a server uses the database (see `liveHolders`):
 * a server keeps the database file open, so a restore under it would be lost at its next start.
 *
 * Each instance has its own entry, so several instances on one database are all seen. A crashed
 * server leaves its entry behind: on the same host it is recognised as dead (no such pid, or a
 * pid now reused by a process started at another time); from another host, by a heartbeat older
 * than STALE_AFTER_MS.
 *
 * MongoDB has no file to sit beside: there the same entries are documents of a collection of the
 * database itself (lib/server-lock-mongodb.ts), judged by the same rules (`classifyEntries`).
 */
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { hostname } from 'node:os'
import path from 'node:path'

import { z } from 'zod'

export const HEARTBEAT_MS = 10_000
/** An entry from another host whose heartbeat is older than this is a crashed server's. */
export const STALE_AFTER_MS = 3 * HEARTBEAT_MS

const entrySchema = z.object({
  pid: z.number().int().positive(),
  /** `/proc/<pid>/stat` field 22 (clock ticks since boot); null where /proc is missing. */
  processStart: z.string().nullable(),
  host: z.string(),
  database: z.string(),
  startedAt: z.string(),
  heartbeatAt: z.string(),
})

export type LockEntryData = z.infer<typeof entrySchema>
export type LockEntry = LockEntryData & { file: string }

/** Parses a stored entry; null for anything that is not one (being rewritten, or not ours). */
export function parseLockEntry(value: unknown): LockEntryData | null {
  const parsed = entrySchema.safeParse(value)
  return parsed.success ? parsed.data : null
}

/** This process's entry, as written at start and at every heartbeat. */
export function ownLockEntry(database: string, startedAt: string, now: Date): LockEntryData {
  return {
    pid: process.pid,
    processStart: processStartTime(process.pid),
    host: hostname(),
    database,
    startedAt,
    heartbeatAt: now.toISOString(),
  }
}

/** The lock folder of a SQLite file (absolute path). */
export const serverLockDir = (databasePath: string) => `${databasePath}.server.lock`

/** Start time of a process, as the kernel records it; null where it cannot be read. */
export function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name (field 2) may hold spaces and parentheses: count from the last ")".
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return fields[19] ?? null
  } catch {
    return null
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists, it belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

export type HeldLock = { file: string; release: () => void }

/**
 * Records this process as a server of the database at `databasePath` until it exits.
 */
export function holdServerLock(databasePath: string, now: () => Date = () => new Date()): HeldLock {
  const dir = serverLockDir(databasePath)
  mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `${hostname()}.${process.pid}.json`)
  const startedAt = now().toISOString()
  const write = () => {
    // Written whole under another name, then renamed: a reader never sees half an entry.
    writeFileSync(
      `${file}.tmp`,
      `${JSON.stringify(ownLockEntry(databasePath, startedAt, now()))}\n`,
    )
    renameSync(`${file}.tmp`, file)
  }
  write()
  const heartbeat = setInterval(() => {
    try {
      write()
    } catch {
      // The folder may be gone for a moment (a restore refused, a cleanup); the next beat retries.
    }
  }, HEARTBEAT_MS)
  heartbeat.unref()
  const release = () => {
    clearInterval(heartbeat)
    rmSync(file, { force: true })
  }
  process.once('exit', release)
  return { file, release }
}

export type LockScan<E extends LockEntryData = LockEntry> = {
  /** Servers that are running now. */
  live: E[]
  /** Entries of servers that are gone (crashed), with why they were judged so. */
  stale: { entry: E; reason: string }[]
}

/**
 * Sorts entries into live servers and crashed ones: on this host by the pid (and the start time
 * of the process that has it now), from other hosts by the age of the heartbeat.
 */
export function classifyEntries<E extends LockEntryData>(entries: E[], now: Date): LockScan<E> {
  const scan: LockScan<E> = { live: [], stale: [] }
  const host = hostname()
  for (const entry of entries) {
    if (entry.host === host) {
      if (!isAlive(entry.pid)) {
        scan.stale.push({ entry, reason: `process ${entry.pid} no longer exists` })
      } else if (entry.processStart && processStartTime(entry.pid) !== entry.processStart) {
        scan.stale.push({ entry, reason: `pid ${entry.pid} now belongs to another process` })
      } else {
        scan.live.push(entry)
      }
      continue
    }
    const age = now.getTime() - Date.parse(entry.heartbeatAt)
    if (age > STALE_AFTER_MS) {
      scan.stale.push({
        entry,
        reason: `no heartbeat from ${entry.host} for ${Math.round(age / 1000)} s`,
      })
    } else {
      scan.live.push(entry)
    }
  }
  return scan
}

/** Reads every entry of the lock folder and sorts live servers from crashed ones. */
export function scanServerLock(databasePath: string, now: Date = new Date()): LockScan {
  const dir = serverLockDir(databasePath)
  if (!existsSync(dir)) return { live: [], stale: [] }
  const entries: LockEntry[] = []
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.json'))) {
    const file = path.join(dir, name)
    let data: LockEntryData | null = null
    try {
      data = parseLockEntry(JSON.parse(readFileSync(file, 'utf8')))
    } catch {
      // being rewritten
    }
    if (data) entries.push({ ...data, file })
  }
  return classifyEntries(entries, now)
}

/** What to tell an operator about the servers that hold the database. */
export function describeHolders(live: LockEntryData[]): string {
  const host = hostname()
  const lines = live.map((entry) =>
    entry.host === host
      ? `  - pid ${entry.pid} (started ${entry.startedAt}): stop it with \`kill ${entry.pid}\` ` +
        '(or `docker compose stop app`, `systemctl stop <service>`, Ctrl+C where it runs)'
      : `  - pid ${entry.pid} on host ${entry.host} (last heartbeat ${entry.heartbeatAt}): stop it on that host`,
  )
  return lines.join('\n')
}

/** One line per crashed server whose entry a restore ignored (and removed). */
export function describeStale(stale: { entry: LockEntryData; reason: string }[]): string[] {
  return stale.map(
    ({ entry, reason }) =>
      `ignored the lock of a server that is gone (pid ${entry.pid} on ${entry.host}: ${reason})`,
  )
}

/** The refusal a restore gives while servers use the database (`where`: the lock's place). */
export function servedMessage(where: string, live: LockEntryData[]): string {
  return (
    `the site is running on this database (${where}):\n` +
    `${describeHolders(live)}\nStop every app server first, then run the restore again.`
  )
}

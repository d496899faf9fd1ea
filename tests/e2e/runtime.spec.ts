import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, readlinkSync } from 'node:fs'

import { expect, test } from '@playwright/test'

/**
 * The shared e2e server is started the README's way (`npm run serve`) on a machine whose own
 * Node is older: every process of it must run the project's Node 24 LTS.
 */
type ServerProcess = { pid: number; command: string; runtime: string }

/** The processes of a process group, read from /proc (Linux). */
function processGroup(pgid: number): ServerProcess[] {
  const found: ServerProcess[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^[1-9][0-9]*$/.test(entry)) continue
    try {
      // Field 5 of /proc/<pid>/stat is the process group; the command name (2) may hold spaces.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      if (Number(fields[2]) !== pgid) continue
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ').trim()
      const exe = readlinkSync(`/proc/${entry}/exe`)
      const runtime = /node/.test(exe)
        ? execFileSync(exe, ['--version'], { encoding: 'utf8' }).trim()
        : exe
      found.push({ pid: Number(entry), command, runtime })
    } catch {
      // the process ended while being read
    }
  }
  return found
}

test.describe('runtime of the served site', () => {
  test('serves `next start` on Node 24 LTS', () => {
    const pgid = Number(process.env.E2E_SERVER_PID)
    expect(pgid).toBeGreaterThan(0)
    const group = processGroup(pgid)
    console.info(group.map((p) => `${p.pid} ${p.runtime} ${p.command}`).join('\n'))
    // Node processes only (npm's script shell is /bin/sh), the server itself among them.
    const servers = group.filter((p) => /next/.test(p.command) && !p.runtime.startsWith('/'))
    expect(servers.some((p) => /next-server|next start/.test(p.command))).toBe(true)
    for (const server of servers) expect(server.runtime).toMatch(/^v24\./)
  })
})

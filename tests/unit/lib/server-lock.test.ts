import { spawnSync } from 'node:child_process'
import { hostname } from 'node:os'

import { describe, expect, it } from '@jest/globals'

import {
  STALE_AFTER_MS,
  classifyEntries,
  describeStale,
  processStartTime,
  type LockEntryData,
} from '@/lib/server-lock'

const now = new Date('2026-11-30T12:00:00.000Z')
const at = (ageMs: number) => new Date(now.getTime() - ageMs).toISOString()
const entry = (pid: number, host: string, ageMs = 0, processStart: string | null = null) =>
  ({
    pid,
    processStart,
    host,
    database: 'clinica',
    startedAt: at(ageMs),
    heartbeatAt: at(ageMs),
  }) satisfies LockEntryData

/** One rule for both stores (the SQLite folder and the MongoDB collection). */
describe('classifyEntries', () => {
  const here = hostname()
  const dead = spawnSync('true').pid as number

  it('trusts a live pid on this host, whatever the heartbeat', () => {
    const own = entry(process.pid, here, 10 * STALE_AFTER_MS, processStartTime(process.pid))
    expect(classifyEntries([own], now)).toEqual({ live: [own], stale: [] })
  })

  it('judges a gone or reused pid on this host crashed', () => {
    const gone = entry(dead, here)
    const reused = entry(process.pid, here, 0, 'not-this-start-time')
    const { live, stale } = classifyEntries([gone, reused], now)
    expect(live).toEqual([])
    expect(describeStale(stale)).toEqual([
      `ignored the lock of a server that is gone (pid ${dead} on ${here}: process ${dead} no longer exists)`,
      `ignored the lock of a server that is gone (pid ${process.pid} on ${here}: pid ${process.pid} now belongs to another process)`,
    ])
  })

  it('judges other hosts by the age of their heartbeat', () => {
    const recent = entry(7, 'web-2', STALE_AFTER_MS - 1)
    const old = entry(8, 'web-3', STALE_AFTER_MS + 5_000)
    const { live, stale } = classifyEntries([recent, old], now)
    expect(live).toEqual([recent])
    expect(stale).toEqual([{ entry: old, reason: 'no heartbeat from web-3 for 35 s' }])
  })
})

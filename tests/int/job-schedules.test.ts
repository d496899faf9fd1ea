import { spawnSync } from 'node:child_process'

import { describe, expect, it } from '@jest/globals'

import { setupTestPayload } from './helpers/payload'

/*
 * Job schedules are the clinic's time (lib/jobs/time-zone.ts): Payload's scheduler reads cron
 * expressions in the process's zone, so the server adopts Europe/Rome at start. The host here
 * is UTC, as in a container, and the weekly review digest ("0 6 * * 1") must still come on a
 * Monday at 06:00 in Rome. Each run is a process of its own on this file's database.
 */

setupTestPayload()

/** Weekday, hour and minute of `iso` on a Rome clock, e.g. "lun 06:00". */
const romeClock = (iso: string) =>
  new Intl.DateTimeFormat('it-IT', {
    timeZone: 'Europe/Rome',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso))

function nextDigest(...args: string[]): { zone: string; waitUntil: string } {
  const result = spawnSync(
    'npx',
    ['tsx', '--conditions=production', 'tests/support/next-digest-run.ts', ...args],
    {
      // The test database and secret come from process.env (set by setupTestPayload).
      env: { ...process.env, NODE_OPTIONS: '', TZ: 'UTC' },
      encoding: 'utf8',
      timeout: 120_000,
    },
  )
  const line = result.stdout.trim().split('\n').at(-1) ?? ''
  if (result.status !== 0 || !line.startsWith('{'))
    throw new Error(`next-digest-run failed (${result.status}):\n${result.stdout}${result.stderr}`)
  return JSON.parse(line) as { zone: string; waitUntil: string }
}

describe('job schedules on a UTC host', () => {
  it('would run the Monday digest at 06:00 UTC in a process left in the host’s zone', () => {
    const { zone, waitUntil } = nextDigest()
    expect(zone).toBe('UTC')
    expect(romeClock(waitUntil)).toMatch(/^lun (07|08):00$/)
  }, 120_000)

  it('runs it at 06:00 in Rome once the process has adopted the clinic’s zone', () => {
    const { zone, waitUntil } = nextDigest('--clinic-zone')
    expect(zone).toBe('Europe/Rome')
    expect(romeClock(waitUntil)).toBe('lun 06:00')
  }, 120_000)
})

import { describe, expect, it } from '@jest/globals'

import {
  createLoginThrottle,
  delayAfter,
  FORGET_AFTER_MS,
  MAX_DELAY_MS,
  memoryThrottleStore,
} from '@/lib/auth/login-throttle'

describe('delayAfter', () => {
  it('allows three failures, then doubles the wait up to 15 minutes', () => {
    expect([0, 1, 2].map(delayAfter)).toEqual([0, 0, 0])
    expect([3, 4, 5, 6].map(delayAfter)).toEqual([2_000, 4_000, 8_000, 16_000])
    expect(delayAfter(40)).toBe(MAX_DELAY_MS)
  })
})

describe('login throttle', () => {
  const setup = () => {
    let now = 1_000_000
    const throttle = createLoginThrottle(memoryThrottleStore(), () => now)
    return { throttle, advance: (ms: number) => (now += ms) }
  }

  it('keys failures by account and address, case-insensitively', async () => {
    const { throttle } = setup()
    for (let i = 0; i < 3; i++) expect(await throttle.attempt('Admin@Example.com', 'a')).toBe(0)
    expect(await throttle.attempt('admin@example.com', 'a')).toBe(2_000)
    expect(await throttle.attempt('admin@example.com', 'b')).toBe(0)
    expect(await throttle.attempt('other@example.com', 'a')).toBe(0)
  })

  it('lets the next attempt through once the wait is over, and doubles it', async () => {
    const { throttle, advance } = setup()
    for (let i = 0; i < 3; i++) await throttle.attempt('x@example.com', 'a')
    advance(2_000)
    expect(await throttle.attempt('x@example.com', 'a')).toBe(0)
    expect(await throttle.attempt('x@example.com', 'a')).toBe(4_000)
  })

  it('forgets on success, on an admin’s clear and after a day', async () => {
    const { throttle, advance } = setup()
    for (let i = 0; i < 4; i++) await throttle.attempt('x@example.com', 'a')
    await throttle.succeeded('x@example.com', 'a')
    expect(await throttle.attempt('x@example.com', 'a')).toBe(0)

    for (let i = 0; i < 4; i++) await throttle.attempt('y@example.com', 'b')
    expect(await throttle.delays('y@example.com')).toEqual([
      { address: 'b', failures: 3, retryAt: 1_000_000 + 2_000, waiting: true },
    ])
    await throttle.clear('Y@example.com')
    expect(await throttle.delays('y@example.com')).toEqual([])

    for (let i = 0; i < 4; i++) await throttle.attempt('z@example.com', 'c')
    advance(FORGET_AFTER_MS)
    expect(await throttle.attempt('z@example.com', 'c')).toBe(0)
  })
})

import { EventEmitter } from 'node:events'

import { describe, expect, it } from '@jest/globals'

import { installClientAddressGuard, resolveClientAddress } from '@/lib/client-ip'

describe('resolveClientAddress', () => {
  it('ignores X-Forwarded-For when no proxy is trusted', () => {
    expect(resolveClientAddress('203.0.113.9', '1.2.3.4', 0)).toBe('203.0.113.9')
    expect(resolveClientAddress('::ffff:203.0.113.9', undefined, 0)).toBe('203.0.113.9')
  })

  it('takes the address the trusted proxy appended, not what the client wrote', () => {
    // nginx appends the client's address; the socket is nginx itself.
    expect(resolveClientAddress('127.0.0.1', '203.0.113.9', 1)).toBe('203.0.113.9')
    expect(resolveClientAddress('127.0.0.1', '6.6.6.6, 7.7.7.7, 203.0.113.9', 1)).toBe(
      '203.0.113.9',
    )
    expect(resolveClientAddress('10.0.0.2', '6.6.6.6, 203.0.113.9, 10.0.0.1', 2)).toBe(
      '203.0.113.9',
    )
    expect(resolveClientAddress('127.0.0.1', ['6.6.6.6', '203.0.113.9'], 1)).toBe('203.0.113.9')
  })

  it('falls back to the leftmost entry when fewer proxies answered than trusted', () => {
    expect(resolveClientAddress('127.0.0.1', undefined, 1)).toBe('127.0.0.1')
    expect(resolveClientAddress('10.0.0.2', '203.0.113.9', 3)).toBe('203.0.113.9')
    expect(resolveClientAddress(undefined, undefined, 0)).toBe('unknown')
  })
})

describe('installClientAddressGuard', () => {
  it('rewrites each request before the server’s listeners see it', () => {
    class FakeServer extends EventEmitter {}
    installClientAddressGuard(FakeServer as never, 1)
    installClientAddressGuard(FakeServer as never, 1) // once only
    const server = new FakeServer()
    const seen: Record<string, unknown>[] = []
    server.on('request', (request: { headers: Record<string, unknown> }) =>
      seen.push({ ...request.headers }),
    )
    server.emit('request', {
      socket: { remoteAddress: '127.0.0.1' },
      headers: { 'x-forwarded-for': '6.6.6.6, 203.0.113.9', 'x-real-ip': '6.6.6.6' },
    })
    server.emit('other', {})
    expect(seen).toEqual([{ 'x-forwarded-for': '203.0.113.9' }])
  })
})

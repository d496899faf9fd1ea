import type { IncomingMessage, Server } from 'node:http'

/**
 * The client's address, from the connection and the `X-Forwarded-For` chain, trusting exactly
 * `trustedHops` proxies in front of the app (TRUSTED_PROXY_HOPS). Each trusted proxy appends the
 * address it received the request from, so the client is the entry `trustedHops` places from
 * the right of [...X-Forwarded-For, socket address]; whatever a client writes into the header
 * itself sits further left and is ignored. With 0 hops (the app serves the Internet directly)
 * the header is ignored altogether.
 */
export function resolveClientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedHops: number,
): string {
  const socket = (socketAddress ?? '').replace(/^::ffff:/, '') || 'unknown'
  if (trustedHops <= 0) return socket
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '')
  const chain = [
    ...header
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
    socket,
  ]
  // Fewer entries than trusted hops: the request skipped a proxy; the leftmost is all we have.
  return (chain[chain.length - 1 - trustedHops] ?? chain[0] ?? socket).slice(0, 100)
}

const INSTALLED = Symbol.for('clinica-blog.client-ip-guard')

/**
 * Rewrites every incoming request's `X-Forwarded-For` to the one resolved client address before
 * Next.js sees it (Next only fills the header in when it is absent, so a client could otherwise
 * choose its own address), and drops `X-Real-IP`. Everything downstream (rate limits, logs)
 * then reads a trustworthy first entry. Installed once per process by instrumentation.ts.
 */
export function installClientAddressGuard(server: typeof Server, trustedHops: number): void {
  const prototype = server.prototype as Server & { [INSTALLED]?: boolean }
  if (prototype[INSTALLED]) return
  prototype[INSTALLED] = true
  const emit = prototype.emit as (
    this: Server,
    event: string | symbol,
    ...args: unknown[]
  ) => boolean
  prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const request = args[0] as IncomingMessage
      request.headers['x-forwarded-for'] = resolveClientAddress(
        request.socket?.remoteAddress,
        request.headers['x-forwarded-for'],
        trustedHops,
      )
      delete request.headers['x-real-ip']
    }
    return emit.call(this, event, ...args)
  } as Server['emit']
}

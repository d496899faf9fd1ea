import { jest } from '@jest/globals'

// Browser steps against a production server: generous, since CI machines are slow and shared.
jest.setTimeout(60_000)

/**
 * Node's fetch keeps idle sockets for about 4 s and Next closes them after 5 s. Jest runs the
 * e2e files one after another in the same worker, so a file's first request can reuse a socket
 * the server has just closed (ECONNRESET before any byte of a response), more so on a loaded
 * machine. Browsers retry such requests; the tests do the same, once, and only for that failure.
 */
const originalFetch = globalThis.fetch
// Checked by name and code: the error comes from Node's own realm, not the test's (instanceof
// TypeError is false across Jest's VM contexts).
const isStaleSocket = (error: unknown) => {
  const { name, cause } = error as { name?: string; cause?: { code?: string } }
  return name === 'TypeError' && (cause?.code === 'ECONNRESET' || cause?.code === 'UND_ERR_SOCKET')
}
globalThis.fetch = async (input, init) => {
  try {
    return await originalFetch(input, init)
  } catch (error) {
    if (!isStaleSocket(error)) throw error
    console.warn(`Retrying once after a stale keep-alive socket: ${String(input)}`)
    return originalFetch(input, init)
  }
}

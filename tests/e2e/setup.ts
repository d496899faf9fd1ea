import { jest } from '@jest/globals'

// Browser steps against a production server: generous, since CI machines are slow and shared.
jest.setTimeout(60_000)

/**
 * Node's fetch keeps idle sockets for about 4 s and Next closes them after 5 s; on a loaded
 * 2-core machine the client's timer can fire late and reuse a socket the server has just
 * closed, failing with ECONNRESET before any byte of a response. Browsers retry such requests;
 * the tests do the same, once, and only for that failure.
 */
const originalFetch = globalThis.fetch
const isStaleSocket = (error: unknown) => {
  const code = (error as { cause?: { code?: string } }).cause?.code
  return error instanceof TypeError && (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET')
}
globalThis.fetch = async (input, init) => {
  try {
    return await originalFetch(input, init)
  } catch (error) {
    if (!isStaleSocket(error)) throw error
    return originalFetch(input, init)
  }
}

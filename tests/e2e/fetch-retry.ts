/**
 * Node's fetch keeps idle sockets for about 4 s and Next closes them after 5 s. The e2e files run
 * one after another against the same server, so a file's first request can reuse a socket the
 * server has just closed (ECONNRESET before any byte of a response), more so on a loaded
 * machine. Browsers retry such requests; the tests do the same, once, and only for that failure.
 * Installed once per process (playwright.config.ts imports it, and Playwright loads the config in
 * every worker).
 */
const RETRYING = Symbol.for('clinica.e2e.fetchRetry')

// Checked by name and code, not instanceof: the error may come from another realm.
const isStaleSocket = (error: unknown) => {
  const { name, cause } = error as { name?: string; cause?: { code?: string } }
  return name === 'TypeError' && (cause?.code === 'ECONNRESET' || cause?.code === 'UND_ERR_SOCKET')
}

export function installFetchRetry() {
  const globals = globalThis as typeof globalThis & { [RETRYING]?: true }
  if (globals[RETRYING]) return
  globals[RETRYING] = true
  const originalFetch = globalThis.fetch
  globalThis.fetch = async (input, init) => {
    try {
      return await originalFetch(input, init)
    } catch (error) {
      if (!isStaleSocket(error)) throw error
      console.warn(`Retrying once after a stale keep-alive socket: ${String(input)}`)
      return originalFetch(input, init)
    }
  }
}

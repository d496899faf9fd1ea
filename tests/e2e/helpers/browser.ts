import { chromium, type Browser } from 'playwright-core'

export const CHROMIUM_PATH = '/usr/bin/chromium'

/**
 * How every browser here starts: Debian's Chromium, headless, background networking off (the
 * test machines have no internet). Used by playwright.config.ts for the tests' fixtures and by
 * `launchChromium` for scripts outside the test runner.
 */
export const CHROMIUM_LAUNCH = {
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
}

/** The browser for scripts outside the test runner (bench/client-js.ts). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch(CHROMIUM_LAUNCH)
}

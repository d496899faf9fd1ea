/**
 * Progressive delays after failed logins, per account and client address: instead of a hard
 * lockout (which anyone could trigger on any account, the admin's included, from a handful of
 * addresses), each further failure from the same address on the same account doubles the wait
 * before the next attempt is accepted. Other addresses, the account owner's among them, are not
 * affected. A successful login or an admin clears it.
 *
 * The same rule applies whether the e-mail belongs to an account or not, so the answers do not
 * reveal which accounts exist.
 */

export type FailureRecord = { failures: number; lastFailureAt: number }

/** Failures allowed before any delay: typos happen. */
export const FREE_FAILURES = 3
export const FIRST_DELAY_MS = 2_000
export const MAX_DELAY_MS = 15 * 60 * 1000
/** Records are forgotten this long after the last failure. */
export const FORGET_AFTER_MS = 24 * 60 * 60 * 1000

/** The wait imposed after `failures` consecutive failures: 0, then 2 s, 4 s, 8 s … 15 min. */
export function delayAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (failures - FREE_FAILURES))
}

/** Milliseconds still to wait before the next attempt is accepted (0: go ahead). */
export function waitBeforeAttempt(record: FailureRecord | undefined, now: number): number {
  if (!record) return 0
  return Math.max(0, record.lastFailureAt + delayAfter(record.failures) - now)
}

export type AccountDelay = { address: string; failures: number; retryAt: number; waiting: boolean }

/** Where failure records live: this process's memory, or Redis for several instances (see lib/auth/guards.ts). */
export interface LoginThrottleStore {
  get(account: string, address: string): Promise<FailureRecord | undefined>
  set(account: string, address: string, record: FailureRecord): Promise<void>
  /** Every address with failures on the account. */
  list(account: string): Promise<(FailureRecord & { address: string })[]>
  clear(account: string, address?: string): Promise<void>
}

export const normaliseAccount = (email: unknown): string =>
  typeof email === 'string' ? email.trim().toLowerCase().slice(0, 320) : ''

export function createLoginThrottle(store: LoginThrottleStore, now: () => number = Date.now) {
  return {
    /** Ms to wait before this attempt may run; 0 lets it through and counts it as a failure
     * until `succeeded` says otherwise (a crash mid-login then counts as a failure, not a pass). */
    async attempt(email: unknown, address: string): Promise<number> {
      const account = normaliseAccount(email)
      const time = now()
      const record = await store.get(account, address)
      const fresh = record && time - record.lastFailureAt < FORGET_AFTER_MS ? record : undefined
      const wait = waitBeforeAttempt(fresh, time)
      if (wait > 0) return wait
      await store.set(account, address, {
        failures: (fresh?.failures ?? 0) + 1,
        lastFailureAt: time,
      })
      return 0
    },
    async succeeded(email: unknown, address: string): Promise<void> {
      await store.clear(normaliseAccount(email), address)
    },
    async delays(email: unknown): Promise<AccountDelay[]> {
      const time = now()
      return (await store.list(normaliseAccount(email)))
        .filter((record) => time - record.lastFailureAt < FORGET_AFTER_MS)
        .map((record) => ({
          address: record.address,
          failures: record.failures,
          retryAt: record.lastFailureAt + delayAfter(record.failures),
          waiting: waitBeforeAttempt(record, time) > 0,
        }))
    },
    async clear(email: unknown): Promise<void> {
      await store.clear(normaliseAccount(email))
    },
  }
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>

/** This process's store: enough for one instance (several share lib/redis/login-throttle-store.ts). */
export function memoryThrottleStore(maxAccounts = 10_000): LoginThrottleStore {
  const accounts = new Map<string, Map<string, FailureRecord>>()
  return {
    async get(account, address) {
      return accounts.get(account)?.get(address)
    },
    async set(account, address, record) {
      let addresses = accounts.get(account)
      if (!addresses) {
        // Least recently created first: the oldest accounts make room.
        while (accounts.size >= maxAccounts) {
          const oldest = accounts.keys().next().value
          if (oldest === undefined) break
          accounts.delete(oldest)
        }
        addresses = new Map()
        accounts.set(account, addresses)
      }
      addresses.set(address, record)
    },
    async list(account) {
      return [...(accounts.get(account) ?? [])].map(([address, record]) => ({
        address,
        ...record,
      }))
    },
    async clear(account, address) {
      if (address === undefined) accounts.delete(account)
      else accounts.get(account)?.delete(address)
    },
  }
}

import {
  createRateLimiter,
  FORGOT_PASSWORD_RATE_LIMIT,
  LOGIN_RATE_LIMIT,
  type RateLimiter,
} from '@/lib/rate-limit'

import { createLoginThrottle, memoryThrottleStore, type LoginThrottle } from './login-throttle'

/**
 * The state behind the account protections, one per process (kept on globalThis so that
 * Next's module copies share it). Limits are enforced where Payload runs the operation (the
 * users collection's hooks), so no URL spelling (`/api/users/%6cogin`, `//login`, GraphQL) can
 * go around them.
 */
type AuthGuards = { login: RateLimiter; forgotPassword: RateLimiter; throttle: LoginThrottle }

const KEY = Symbol.for('clinica-blog.auth-guards')
const registry = globalThis as typeof globalThis & { [KEY]?: AuthGuards }

export function authGuards(): AuthGuards {
  registry[KEY] ??= {
    login: createRateLimiter(LOGIN_RATE_LIMIT),
    forgotPassword: createRateLimiter(FORGOT_PASSWORD_RATE_LIMIT),
    throttle: createLoginThrottle(memoryThrottleStore()),
  }
  return registry[KEY]
}

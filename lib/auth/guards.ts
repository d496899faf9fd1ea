import {
  createRateLimiter,
  FORGOT_PASSWORD_RATE_LIMIT,
  LOGIN_RATE_LIMIT,
  type RateLimiter,
} from '@/lib/rate-limit'
import { sharedRedis } from '@/lib/redis'
import { redisThrottleStore } from '@/lib/redis/login-throttle-store'

import {
  createLoginThrottle,
  memoryThrottleStore,
  type LoginThrottle,
  type LoginThrottleStore,
} from './login-throttle'

/**
 * The state behind the account protections, one per process (kept on globalThis so that
 * Next's module copies share it), and shared by every instance through Redis when it is
 * configured (lib/redis): limits and delays then hold whichever instance a request reaches.
 * Limits are enforced where Payload runs the operation (the users collection's hooks), so no
 * URL spelling (`/api/users/%6cogin`, `//login`, GraphQL) can go around them.
 */
type AuthGuards = { login: RateLimiter; forgotPassword: RateLimiter; throttle: LoginThrottle }

const KEY = Symbol.for('clinica-blog.auth-guards')
const registry = globalThis as typeof globalThis & { [KEY]?: AuthGuards }

/** Failed-login records: in Redis with this process's store as its fallback, or this process's. */
function throttleStore(): LoginThrottleStore {
  const local = memoryThrottleStore()
  const redis = sharedRedis()
  return redis ? redisThrottleStore(redis, local) : local
}

export function authGuards(): AuthGuards {
  registry[KEY] ??= {
    login: createRateLimiter(LOGIN_RATE_LIMIT),
    forgotPassword: createRateLimiter(FORGOT_PASSWORD_RATE_LIMIT),
    throttle: createLoginThrottle(throttleStore()),
  }
  return registry[KEY]
}

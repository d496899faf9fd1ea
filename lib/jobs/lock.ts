import { sharedRedis, type RedisConnection } from '@/lib/redis'
import { createRedisLock } from '@/lib/redis/lock'

/** A lock taken: give it back when done. */
export type Lease = { release: () => Promise<void> }

/** Who may do something alone right now; `acquire` answers null while someone else holds it. */
export type Lock = { acquire: () => Promise<Lease | null> }

/** A lock within this process: enough where it is the only instance. */
export function processLock(): Lock {
  let held = false
  return {
    acquire: async () => {
      if (held) return null
      held = true
      return { release: async () => void (held = false) }
    },
  }
}

export const JOB_QUEUE_LOCK = 'jobs-queue'

const LOCAL = Symbol.for('clinica-blog.job-queue-lock')
const registry = globalThis as typeof globalThis & { [LOCAL]?: Lock }

/**
 * The lock a job runner takes before running the queue, so that exactly one instance runs it at
 * a time and no job runs twice: in Redis when instances share their state (lib/redis), this
 * process's otherwise. While Redis cannot be reached nobody gets it: scheduled publishing waits
 * for Redis rather than risk running a job twice.
 */
export function jobQueueLock(redis: RedisConnection | undefined = sharedRedis()): Lock {
  if (redis) return createRedisLock(redis, JOB_QUEUE_LOCK)
  registry[LOCAL] ??= processLock()
  return registry[LOCAL]
}

import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'

/**
 * The only module that reads the environment. Everything else asks `getEnv()`.
 * A bad or missing value throws an `EnvError` naming the variable and what is expected,
 * which stops Next, Payload and our scripts at startup.
 */

export const DEFAULT_DATABASE_URI = 'file:./data/clinica.db'
export const DEFAULT_SITE_URL = 'http://localhost:3000'
export const DEFAULT_ADMIN_EMAIL = 'admin@example.com'
export const DEFAULT_MEDIA_DIR = path.join('data', 'media')
/** Development secret, generated once and kept out of git under data/. */
export const DEV_SECRET_FILE = path.join('data', '.payload-secret')

const MIN_SECRET_LENGTH = 32

const emptyToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value

const databaseUri = z
  .string()
  .trim()
  .refine((uri) => /^file:.+/.test(uri) || /^mongodb(\+srv)?:\/\/.+/.test(uri), {
    message:
      'expected a SQLite file URL such as "file:./data/clinica.db" or a MongoDB URL starting with "mongodb://" or "mongodb+srv://"',
  })

const siteUrl = z
  .string()
  .trim()
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), {
    message: 'expected an absolute http(s) URL such as "https://www.example.it"',
  })
  .transform((value) => value.replace(/\/+$/, ''))

export const DEFAULT_JOB_RUNNER_INTERVAL_SECONDS = 20
/** Searches per minute and client address (SEARCH_RATE_LIMIT): more than a person makes. */
export const DEFAULT_SEARCH_RATE_LIMIT = 60
/** Scheduled backups kept (BACKUP_KEEP): two weeks of daily archives. */
export const DEFAULT_BACKUP_KEEP = 14

/** A cron expression of 5 fields (minute … weekday) or 6 (seconds first), as Payload's jobs take. */
const CRON_FIELD = /^[0-9A-Za-z*?,/#-]+$/
const backupCron = z
  .string()
  .trim()
  .refine(
    (value) => {
      const fields = value.split(/\s+/)
      return (fields.length === 5 || fields.length === 6) && fields.every((f) => CRON_FIELD.test(f))
    },
    { message: 'expected a cron expression such as "30 2 * * *" (every day at 02:30)' },
  )

const redisUrl = z
  .string()
  .trim()
  .refine((value) => URL.canParse(value) && /^rediss?:$/.test(new URL(value).protocol), {
    message: 'expected a Redis URL such as "redis://127.0.0.1:6379" or "rediss://…"',
  })

const optionalHttpUrl = z
  .string()
  .trim()
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), {
    message: 'expected an absolute http(s) URL such as "http://127.0.0.1:9000"',
  })

/** "Name <address>" or a bare address. */
const EMAIL_FROM = /^\s*(?:(?<name>[^<>]*?)\s*<(?<angle>[^<>\s]+)>|(?<bare>[^<>\s]+))\s*$/

export const DEFAULT_EMAIL_FROM_NAME = 'Clinica Blog'

const parseEmailFrom = (value: string): { name: string; address: string } | undefined => {
  const match = EMAIL_FROM.exec(value)
  const address = match?.groups?.angle ?? match?.groups?.bare
  if (!address || !z.email().safeParse(address).success) return undefined
  const name = match?.groups?.name?.replace(/^"|"$/g, '').trim()
  return { name: name || DEFAULT_EMAIL_FROM_NAME, address }
}

const S3_BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URI: z.preprocess(emptyToUndefined, databaseUri.default(DEFAULT_DATABASE_URI)),
    PAYLOAD_SECRET: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .min(MIN_SECRET_LENGTH, `expected at least ${MIN_SECRET_LENGTH} characters`)
        .optional(),
    ),
    SITE_URL: z.preprocess(emptyToUndefined, siteUrl.default(DEFAULT_SITE_URL)),
    MEDIA_DIR: z.preprocess(emptyToUndefined, z.string().trim().default(DEFAULT_MEDIA_DIR)),
    ADMIN_EMAIL: z.preprocess(
      emptyToUndefined,
      z.email('expected an e-mail address').default(DEFAULT_ADMIN_EMAIL),
    ),
    ADMIN_PASSWORD: z.preprocess(
      emptyToUndefined,
      z.string().min(12, 'expected at least 12 characters').optional(),
    ),
    TRUSTED_PROXY_HOPS: z.preprocess(
      emptyToUndefined,
      z.coerce
        .number({ message: 'expected a whole number of proxies (0 to 5)' })
        .int('expected a whole number of proxies (0 to 5)')
        .min(0, 'expected a whole number of proxies (0 to 5)')
        .max(5, 'expected a whole number of proxies (0 to 5)')
        .default(0),
    ),
    REDIS_URL: z.preprocess(emptyToUndefined, redisUrl.optional()),
    SEARCH_RATE_LIMIT: z.preprocess(
      emptyToUndefined,
      z.coerce
        .number({ message: 'expected a whole number of searches per minute (0: no limit)' })
        .int('expected a whole number of searches per minute (0: no limit)')
        .min(0, 'expected a whole number of searches per minute (0: no limit)')
        .max(100_000, 'expected at most 100000 searches per minute (0: no limit)')
        .default(DEFAULT_SEARCH_RATE_LIMIT),
    ),
    S3_BUCKET: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .trim()
        .regex(
          S3_BUCKET_NAME,
          'expected an S3 bucket name (3-63 lower-case letters, digits, dots, hyphens)',
        )
        .optional(),
    ),
    S3_ENDPOINT: z.preprocess(emptyToUndefined, optionalHttpUrl.optional()),
    S3_REGION: z.preprocess(emptyToUndefined, z.string().trim().min(1).default('us-east-1')),
    S3_ACCESS_KEY_ID: z.preprocess(emptyToUndefined, z.string().trim().min(1).optional()),
    S3_SECRET_ACCESS_KEY: z.preprocess(emptyToUndefined, z.string().min(1).optional()),
    S3_FORCE_PATH_STYLE: z.preprocess(
      emptyToUndefined,
      z.enum(['true', 'false'], { message: 'expected "true" or "false"' }).default('false'),
    ),
    SMTP_HOST: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9.-]+$|^\[[0-9a-fA-F:.]+\]$/, 'expected a host name or IP address')
        .optional(),
    ),
    SMTP_PORT: z.preprocess(
      emptyToUndefined,
      z.coerce
        .number({ message: 'expected a port number (1 to 65535)' })
        .int('expected a port number (1 to 65535)')
        .min(1, 'expected a port number (1 to 65535)')
        .max(65535, 'expected a port number (1 to 65535)')
        .optional(),
    ),
    SMTP_SECURE: z.preprocess(
      emptyToUndefined,
      z.enum(['true', 'false'], { message: 'expected "true" or "false"' }).optional(),
    ),
    SMTP_USER: z.preprocess(emptyToUndefined, z.string().trim().min(1).optional()),
    SMTP_PASS: z.preprocess(emptyToUndefined, z.string().min(1).optional()),
    EMAIL_FROM: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .refine((value) => parseEmailFrom(value) !== undefined, {
          message:
            'expected an address such as "noreply@example.it" or "Clinica <noreply@example.it>"',
        })
        .optional(),
    ),
    JOB_RUNNER: z.preprocess(
      emptyToUndefined,
      z.enum(['on', 'off'], { message: 'expected "on" or "off"' }).default('on'),
    ),
    JOB_RUNNER_INTERVAL_SECONDS: z.preprocess(
      emptyToUndefined,
      z.coerce
        .number({ message: 'expected a whole number of seconds' })
        .int('expected a whole number of seconds')
        .min(1, 'expected between 1 and 60 seconds')
        .max(60, 'expected between 1 and 60 seconds')
        .default(DEFAULT_JOB_RUNNER_INTERVAL_SECONDS),
    ),
    BACKUP_CRON: z.preprocess(emptyToUndefined, backupCron.optional()),
    BACKUP_KEEP: z.preprocess(
      emptyToUndefined,
      z.coerce
        .number({ message: 'expected a whole number of archives' })
        .int('expected a whole number of archives')
        .min(1, 'expected between 1 and 1000 archives')
        .max(1000, 'expected between 1 and 1000 archives')
        .default(DEFAULT_BACKUP_KEEP),
    ),
  })
  .superRefine((value, ctx) => {
    if (value.S3_BUCKET) {
      for (const name of ['S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const) {
        if (!value[name]) {
          ctx.addIssue({ code: 'custom', path: [name], message: 'required when S3_BUCKET is set' })
        }
      }
    }
    if (value.SMTP_HOST && !value.EMAIL_FROM) {
      ctx.addIssue({
        code: 'custom',
        path: ['EMAIL_FROM'],
        message: 'required when SMTP_HOST is set: the sender address the SMTP server accepts',
      })
    }
    if (Boolean(value.SMTP_USER) !== Boolean(value.SMTP_PASS)) {
      ctx.addIssue({
        code: 'custom',
        path: [value.SMTP_USER ? 'SMTP_PASS' : 'SMTP_USER'],
        message: 'SMTP_USER and SMTP_PASS go together (both set, or neither)',
      })
    }
    if (value.NODE_ENV === 'production' && !value.PAYLOAD_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['PAYLOAD_SECRET'],
        message: `required in production: a random string of at least ${MIN_SECRET_LENGTH} characters (e.g. \`openssl rand -hex 32\`)`,
      })
    }
  })

export type DatabaseKind = 'sqlite' | 'mongodb'

export type Env = {
  nodeEnv: 'development' | 'production' | 'test'
  databaseUri: string
  databaseKind: DatabaseKind
  payloadSecret: string
  siteUrl: string
  /** Where uploaded files are stored (absolute, or relative to the project folder). */
  mediaDir: string
  /** First admin account created by the seed when no user exists (optional). */
  adminEmail: string
  adminPassword?: string
  /** Reverse proxies in front of the app that append to X-Forwarded-For (see lib/client-ip.ts). */
  trustedProxyHops: number
  /** Shared state of several instances (page cache, limits, redirects, job lock); none: this process. */
  redisUrl?: string
  /** /cerca requests allowed per client address and minute; 0: no limit (benchmarks). */
  searchRateLimit: number
  /** Media on S3-compatible storage when a bucket is set; local disk (mediaDir) otherwise. */
  s3?: {
    bucket: string
    endpoint?: string
    region: string
    accessKeyId: string
    secretAccessKey: string
    forcePathStyle: boolean
  }
  /**
   * Outgoing e-mail: SMTP when a host is set; otherwise nothing is sent (see lib/mail/adapter.ts).
   * `from` always has a value (EMAIL_FROM, or a placeholder when SMTP is off).
   */
  mail: {
    from: { name: string; address: string }
    smtp?: {
      host: string
      port: number
      secure: boolean
      auth?: { user: string; pass: string }
    }
  }
  /** The in-process runner of queued jobs (scheduled publish/unpublish), see instrumentation.ts. */
  jobRunner: { enabled: boolean; intervalSeconds: number }
  /** Scheduled backups (a job, lib/backup/schedule.ts): off without a cron; newest `keep` kept. */
  backup: { cron?: string; keep: number }
}

export class EnvError extends Error {
  readonly variables: string[]

  constructor(issues: { variable: string; message: string }[]) {
    super(
      `Invalid environment configuration:\n${issues
        .map((issue) => `  - ${issue.variable}: ${issue.message}`)
        .join('\n')}\nSee .env.example for every variable and its expected value.`,
    )
    this.name = 'EnvError'
    this.variables = issues.map((issue) => issue.variable)
  }
}

type SecretStore = { read: () => string | undefined; write: (secret: string) => void }

const fileSecretStore = (cwd: string): SecretStore => {
  const file = path.resolve(cwd, DEV_SECRET_FILE)
  return {
    read: () => {
      try {
        return readFileSync(file, 'utf8').trim() || undefined
      } catch {
        return undefined
      }
    },
    write: (secret) => {
      mkdirSync(path.dirname(file), { recursive: true })
      writeFileSync(file, `${secret}\n`, { mode: 0o600 })
    },
  }
}

/** Parses an environment object; pure apart from the development secret file. */
export function parseEnv(
  source: Record<string, string | undefined>,
  secretStore: SecretStore = fileSecretStore(process.cwd()),
): Env {
  const result = schema.safeParse(source)
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? 'environment'),
        message: issue.message,
      })),
    )
  }
  const value = result.data
  let payloadSecret = value.PAYLOAD_SECRET
  if (!payloadSecret) {
    payloadSecret = secretStore.read()
    if (!payloadSecret || payloadSecret.length < MIN_SECRET_LENGTH) {
      payloadSecret = randomBytes(32).toString('hex')
      secretStore.write(payloadSecret)
    }
  }
  return {
    nodeEnv: value.NODE_ENV,
    databaseUri: value.DATABASE_URI,
    databaseKind: value.DATABASE_URI.startsWith('mongodb') ? 'mongodb' : 'sqlite',
    payloadSecret,
    siteUrl: value.SITE_URL,
    mediaDir: value.MEDIA_DIR,
    adminEmail: value.ADMIN_EMAIL,
    adminPassword: value.ADMIN_PASSWORD,
    trustedProxyHops: value.TRUSTED_PROXY_HOPS,
    redisUrl: value.REDIS_URL,
    searchRateLimit: value.SEARCH_RATE_LIMIT,
    s3:
      value.S3_BUCKET && value.S3_ACCESS_KEY_ID && value.S3_SECRET_ACCESS_KEY
        ? {
            bucket: value.S3_BUCKET,
            endpoint: value.S3_ENDPOINT,
            region: value.S3_REGION,
            accessKeyId: value.S3_ACCESS_KEY_ID,
            secretAccessKey: value.S3_SECRET_ACCESS_KEY,
            forcePathStyle: value.S3_FORCE_PATH_STYLE === 'true',
          }
        : undefined,
    mail: mailConfig(value),
    jobRunner: {
      enabled: value.JOB_RUNNER === 'on',
      intervalSeconds: value.JOB_RUNNER_INTERVAL_SECONDS,
    },
    backup: { cron: value.BACKUP_CRON, keep: value.BACKUP_KEEP },
  }
}

function mailConfig(value: z.infer<typeof schema>): Env['mail'] {
  const from = (value.EMAIL_FROM && parseEmailFrom(value.EMAIL_FROM)) || {
    name: DEFAULT_EMAIL_FROM_NAME,
    address: 'noreply@localhost',
  }
  if (!value.SMTP_HOST) return { from }
  // Implicit TLS on 465, STARTTLS (upgraded by the server's offer) elsewhere, unless told.
  const secure = value.SMTP_SECURE ? value.SMTP_SECURE === 'true' : value.SMTP_PORT === 465
  return {
    from,
    smtp: {
      host: value.SMTP_HOST,
      port: value.SMTP_PORT ?? (secure ? 465 : 587),
      secure,
      auth:
        value.SMTP_USER && value.SMTP_PASS
          ? { user: value.SMTP_USER, pass: value.SMTP_PASS }
          : undefined,
    },
  }
}

let cached: Env | undefined

export function getEnv(): Env {
  cached ??= parseEnv(process.env)
  return cached
}

import { spawnSync } from 'node:child_process'

import { describe, expect, it } from '@jest/globals'

import { EnvError, parseEnv } from '@/lib/env'

const memoryStore = () => {
  let stored: string | undefined
  return { read: () => stored, write: (secret: string) => void (stored = secret) }
}

const expectEnvError = (source: Record<string, string>, variable: string, message: RegExp) => {
  try {
    parseEnv(source, memoryStore())
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError)
    expect((error as EnvError).variables).toContain(variable)
    expect((error as Error).message).toMatch(message)
    return
  }
  throw new Error(`expected ${variable} to be rejected`)
}

describe('environment validation', () => {
  it('uses the embedded SQLite database and localhost by default', () => {
    const env = parseEnv({ NODE_ENV: 'development' }, memoryStore())
    expect(env).toMatchObject({
      databaseKind: 'sqlite',
      databaseUri: 'file:./data/clinica.db',
      siteUrl: 'http://localhost:3000',
    })
    expect(env.payloadSecret).toHaveLength(64)
  })

  it('keeps the generated development secret across restarts', () => {
    const store = memoryStore()
    const first = parseEnv({}, store).payloadSecret
    expect(parseEnv({}, store).payloadSecret).toBe(first)
  })

  it('selects MongoDB for mongodb:// and mongodb+srv:// URLs', () => {
    expect(
      parseEnv({ DATABASE_URI: 'mongodb://db:27017/clinica' }, memoryStore()).databaseKind,
    ).toBe('mongodb')
    expect(
      parseEnv({ DATABASE_URI: 'mongodb+srv://u:p@cluster.example.net/clinica' }, memoryStore())
        .databaseKind,
    ).toBe('mongodb')
  })

  it('names each bad variable and what it expects', () => {
    expectEnvError(
      { DATABASE_URI: 'postgres://localhost/db' },
      'DATABASE_URI',
      /DATABASE_URI: expected a SQLite file URL/,
    )
    expectEnvError(
      { SITE_URL: 'ftp://example.it' },
      'SITE_URL',
      /SITE_URL: expected an absolute http\(s\) URL/,
    )
    expectEnvError({ NODE_ENV: 'staging' }, 'NODE_ENV', /NODE_ENV/)
    expectEnvError({ PAYLOAD_SECRET: 'short' }, 'PAYLOAD_SECRET', /at least 32 characters/)
    expectEnvError({ ADMIN_EMAIL: 'not-an-email' }, 'ADMIN_EMAIL', /e-mail/)
  })

  it('runs scheduled jobs every 20 s by default; the interval and switch are validated', () => {
    expect(parseEnv({}, memoryStore()).jobRunner).toEqual({ enabled: true, intervalSeconds: 20 })
    expect(
      parseEnv({ JOB_RUNNER: 'off', JOB_RUNNER_INTERVAL_SECONDS: '5' }, memoryStore()).jobRunner,
    ).toEqual({ enabled: false, intervalSeconds: 5 })
    expectEnvError({ JOB_RUNNER: 'yes' }, 'JOB_RUNNER', /"on" or "off"/)
    expectEnvError({ JOB_RUNNER_INTERVAL_SECONDS: '0' }, 'JOB_RUNNER_INTERVAL_SECONDS', /1 and 60/)
    expectEnvError({ JOB_RUNNER_INTERVAL_SECONDS: '90' }, 'JOB_RUNNER_INTERVAL_SECONDS', /1 and 60/)
    expectEnvError({ JOB_RUNNER_INTERVAL_SECONDS: 'soon' }, 'JOB_RUNNER_INTERVAL_SECONDS', /whole/)
  })

  it('schedules no backup by default and keeps 14; BACKUP_CRON and BACKUP_KEEP are validated', () => {
    expect(parseEnv({}, memoryStore()).backup).toEqual({ cron: undefined, keep: 14 })
    expect(parseEnv({ BACKUP_CRON: ' ', BACKUP_KEEP: '' }, memoryStore()).backup).toEqual({
      cron: undefined,
      keep: 14,
    })
    expect(parseEnv({ BACKUP_CRON: '30 2 * * *', BACKUP_KEEP: '7' }, memoryStore()).backup).toEqual(
      { cron: '30 2 * * *', keep: 7 },
    )
    expect(parseEnv({ BACKUP_CRON: '0 */6 * * 1-5' }, memoryStore()).backup.cron).toBe(
      '0 */6 * * 1-5',
    )
    expectEnvError({ BACKUP_CRON: 'daily' }, 'BACKUP_CRON', /cron expression/)
    expectEnvError({ BACKUP_CRON: '30 2 * *' }, 'BACKUP_CRON', /cron expression/)
    expectEnvError({ BACKUP_CRON: '30 2 * * * ; rm' }, 'BACKUP_CRON', /cron expression/)
    expectEnvError({ BACKUP_KEEP: '0' }, 'BACKUP_KEEP', /1 and 1000/)
    expectEnvError({ BACKUP_KEEP: 'all' }, 'BACKUP_KEEP', /whole number/)
  })

  it('trusts no proxy by default; the hop count is validated', () => {
    expect(parseEnv({}, memoryStore()).trustedProxyHops).toBe(0)
    expect(parseEnv({ TRUSTED_PROXY_HOPS: '1' }, memoryStore()).trustedProxyHops).toBe(1)
    expectEnvError({ TRUSTED_PROXY_HOPS: '-1' }, 'TRUSTED_PROXY_HOPS', /0 to 5/)
    expectEnvError({ TRUSTED_PROXY_HOPS: 'nginx' }, 'TRUSTED_PROXY_HOPS', /0 to 5/)
  })

  it('validates the shared-state and media storage settings', () => {
    const env = parseEnv(
      {
        REDIS_URL: 'redis://127.0.0.1:6390/0',
        S3_BUCKET: 'clinica-media',
        S3_ENDPOINT: 'http://127.0.0.1:9000',
        S3_ACCESS_KEY_ID: 'key',
        S3_SECRET_ACCESS_KEY: 'secret',
        S3_FORCE_PATH_STYLE: 'true',
      },
      memoryStore(),
    )
    expect(env.redisUrl).toBe('redis://127.0.0.1:6390/0')
    expect(env.s3).toEqual({
      bucket: 'clinica-media',
      endpoint: 'http://127.0.0.1:9000',
      region: 'us-east-1',
      accessKeyId: 'key',
      secretAccessKey: 'secret',
      forcePathStyle: true,
    })
    expect(parseEnv({}, memoryStore())).toMatchObject({ redisUrl: undefined, s3: undefined })
    expectEnvError({ REDIS_URL: 'localhost:6379' }, 'REDIS_URL', /Redis URL/)
    expectEnvError({ REDIS_URL: 'http://127.0.0.1:6379' }, 'REDIS_URL', /Redis URL/)
    expectEnvError({ S3_BUCKET: 'Bad_Bucket' }, 'S3_BUCKET', /bucket name/)
    expectEnvError({ S3_BUCKET: 'media' }, 'S3_ACCESS_KEY_ID', /required when S3_BUCKET/)
    expectEnvError(
      {
        S3_BUCKET: 'media',
        S3_ACCESS_KEY_ID: 'k',
        S3_SECRET_ACCESS_KEY: 's',
        S3_ENDPOINT: 'minio',
      },
      'S3_ENDPOINT',
      /http\(s\) URL/,
    )
    expectEnvError({ S3_FORCE_PATH_STYLE: 'yes' }, 'S3_FORCE_PATH_STYLE', /"true" or "false"/)
  })

  it('requires a real secret in production', () => {
    expectEnvError({ NODE_ENV: 'production' }, 'PAYLOAD_SECRET', /required in production/)
    expect(
      parseEnv({ NODE_ENV: 'production', PAYLOAD_SECRET: 'p'.repeat(32) }, memoryStore())
        .payloadSecret,
    ).toBe('p'.repeat(32))
  })

  it('stops a real startup with the variable named and a non-zero exit', () => {
    const result = spawnSync('npx', ['tsx', '--conditions=production', 'seed/index.ts'], {
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        DATABASE_URI: 'postgres://localhost/clinica',
        NODE_ENV: 'development',
      },
      encoding: 'utf8',
      timeout: 60_000,
    })
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/DATABASE_URI: expected a SQLite file URL/)
  }, 60_000)
})

describe('e-mail settings', () => {
  it('sends nothing without SMTP_HOST, with a placeholder sender', () => {
    expect(parseEnv({}, memoryStore()).mail).toEqual({
      from: { name: 'Clinica Blog', address: 'noreply@localhost' },
    })
  })

  it('reads the SMTP server, its credentials and the sender', () => {
    const env = parseEnv(
      {
        SMTP_HOST: 'smtp.example.it',
        SMTP_USER: 'clinica',
        SMTP_PASS: 'segreto',
        EMAIL_FROM: 'Clinica Rossi <noreply@example.it>',
      },
      memoryStore(),
    )
    expect(env.mail).toEqual({
      from: { name: 'Clinica Rossi', address: 'noreply@example.it' },
      smtp: {
        host: 'smtp.example.it',
        port: 587,
        secure: false,
        auth: { user: 'clinica', pass: 'segreto' },
      },
    })
  })

  it('uses implicit TLS on port 465, and what SMTP_SECURE says otherwise', () => {
    const base = { SMTP_HOST: 'smtp.example.it', EMAIL_FROM: 'noreply@example.it' }
    expect(parseEnv({ ...base, SMTP_PORT: '465' }, memoryStore()).mail.smtp).toMatchObject({
      port: 465,
      secure: true,
    })
    expect(parseEnv({ ...base, SMTP_SECURE: 'true' }, memoryStore()).mail.smtp).toMatchObject({
      port: 465,
      secure: true,
    })
    expect(
      parseEnv({ ...base, SMTP_PORT: '2525', SMTP_SECURE: 'false' }, memoryStore()).mail,
    ).toMatchObject({
      from: { name: 'Clinica Blog', address: 'noreply@example.it' },
      smtp: { port: 2525, secure: false, auth: undefined },
    })
  })

  it('names each bad e-mail variable', () => {
    expectEnvError(
      { SMTP_HOST: 'smtp.example.it' },
      'EMAIL_FROM',
      /EMAIL_FROM: required when SMTP_HOST/,
    )
    expectEnvError(
      { EMAIL_FROM: 'Clinica <non-un-indirizzo>' },
      'EMAIL_FROM',
      /expected an address/,
    )
    expectEnvError({ SMTP_PORT: '70000' }, 'SMTP_PORT', /expected a port number/)
    expectEnvError({ SMTP_SECURE: 'yes' }, 'SMTP_SECURE', /expected "true" or "false"/)
    expectEnvError({ SMTP_HOST: 'smtp example' }, 'SMTP_HOST', /expected a host name/)
    expectEnvError({ SMTP_USER: 'clinica' }, 'SMTP_PASS', /go together/)
  })
})

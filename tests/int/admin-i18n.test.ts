import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

import { describe, expect, it } from '@jest/globals'
import { initI18n } from '@payloadcms/translations'

import { setupTestPayload } from './helpers/payload'

/*
 * The admin in Italian: the redirects plugin ships no Italian, so its labels showed as raw keys
 * (`plugin-redirects:toUrlType`) and its type choice read "301 - Permanent".
 */
const ctx = setupTestPayload()

/** Every `plugin-redirects:` key the installed plugin asks for. */
const pluginKeys = () => {
  const require = createRequire(import.meta.url)
  const source = readFileSync(require.resolve('@payloadcms/plugin-redirects'), 'utf8')
  return [
    ...new Set([...source.matchAll(/t\('(plugin-redirects:[A-Za-z]+)'\)/g)].map((m) => m[1]!)),
  ]
}

describe('the redirects form in Italian', () => {
  it('translates every label key the plugin uses', async () => {
    const i18n = await initI18n({
      config: ctx.payload.config.i18n,
      context: 'client',
      language: 'it',
    })
    const keys = pluginKeys()
    expect(keys.length).toBeGreaterThanOrEqual(6)
    for (const key of keys) {
      const text = i18n.t(key as never)
      expect({ key, text }).not.toEqual({ key, text: expect.stringContaining('plugin-redirects') })
      expect(text).not.toBe(key)
    }
    expect(i18n.t('plugin-redirects:toUrlType' as never)).toBe('Tipo di destinazione')
  })

  it('offers the redirect types in Italian', () => {
    const redirects = ctx.payload.collections.redirects.config
    const type = redirects.fields.find((field) => 'name' in field && field.name === 'type') as {
      options: { label: unknown; value: string }[]
    }
    expect(type.options.map((option) => option.label)).toEqual([
      '301 - Permanente',
      '302 - Temporaneo',
    ])
  })
})

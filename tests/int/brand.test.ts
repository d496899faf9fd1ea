import { beforeAll, describe, expect, it } from '@jest/globals'
import sharp from 'sharp'

import type { Clinic } from '@/payload-types'
import { renderIcon } from '@/lib/brand/icons'
import { readMediaFile } from '@/lib/brand/media-file'
import { DEFAULT_BRAND_COLOR } from '@/lib/brand/contrast'

import { QUIET } from './helpers/fixtures'
import { setupRestPayload } from './helpers/rest'

/*
 * The brand colour of the Clinic global is checked for WCAG AA contrast on save, over REST and
 * through the Local API; the logo's file is read back wherever it is stored to make the icons.
 */

const ctx = setupRestPayload()

const TOO_LIGHT =
  'Contrasto troppo basso sugli sfondi chiari del sito: 1,39:1, serve almeno 4,5:1 (WCAG AA). Scegli una tonalità più scura.'

beforeAll(async () => {
  // The clinic's name is required: a saved global has one.
  await ctx.payload.updateGlobal({ ...QUIET, slug: 'clinic', data: { name: 'Clinica Prova' } })
})

const storedColour = async () =>
  ((await ctx.payload.findGlobal({ slug: 'clinic', depth: 0 })) as Clinic).brandColor

describe('brand colour of the Clinic global', () => {
  it('starts with the default colour', async () => {
    expect(await storedColour()).toBe(DEFAULT_BRAND_COLOR)
  })

  it('refuses a colour too light for AA over REST with the Italian message, and keeps the old one', async () => {
    const { status, body } = await ctx.rest('POST', '/globals/clinic', {
      token: ctx.team.tokens.admin,
      json: { brandColor: '#ffcc00' },
    })
    expect(status).toBe(400)
    expect(body.errors).toEqual([
      {
        name: 'ValidationError',
        message: 'Il seguente campo non è valido: Colore del marchio',
        data: {
          global: 'clinic',
          errors: [{ label: 'Colore del marchio', message: TOO_LIGHT, path: 'brandColor' }],
        },
      },
    ])
    expect(await storedColour()).toBe(DEFAULT_BRAND_COLOR)
  })

  it('refuses what is not a #rrggbb colour', async () => {
    const { status, body } = await ctx.rest('POST', '/globals/clinic', {
      token: ctx.team.tokens.admin,
      json: { brandColor: 'red' },
    })
    expect(status).toBe(400)
    expect(JSON.stringify(body)).toContain(
      'Usa un colore esadecimale di 6 cifre, ad esempio #0b5e73.',
    )
  })

  it('refuses it through the Local API too', async () => {
    await expect(
      ctx.payload.updateGlobal({ ...QUIET, slug: 'clinic', data: { brandColor: '#767676' } }),
    ).rejects.toMatchObject({
      status: 400,
      data: {
        errors: [
          {
            path: 'brandColor',
            message: expect.stringMatching(
              /^Contrasto troppo basso sugli sfondi chiari del sito: 4,1\d?:1/,
            ),
          },
        ],
      },
    })
    expect(await storedColour()).toBe(DEFAULT_BRAND_COLOR)
  })

  it('saves a dark enough colour, over REST and through the Local API', async () => {
    const { status, body } = await ctx.rest('POST', '/globals/clinic', {
      token: ctx.team.tokens.admin,
      json: { brandColor: '#7a3b69' },
    })
    expect(status).toBe(200)
    expect((body.result as Clinic).brandColor).toBe('#7a3b69')
    expect(await storedColour()).toBe('#7a3b69')

    await ctx.payload.updateGlobal({ ...QUIET, slug: 'clinic', data: { brandColor: '#1a4d8f' } })
    expect(await storedColour()).toBe('#1a4d8f')
  })

  it('lets only admins change it', async () => {
    const { status } = await ctx.rest('POST', '/globals/clinic', {
      token: ctx.team.tokens.editor,
      json: { brandColor: '#0f6b5c' },
    })
    expect(status).toBe(403)
    expect(await storedColour()).toBe('#1a4d8f')
  })
})

describe('icons from the logo', () => {
  it('reads the logo file back from storage and fits it into the favicon and the touch icon', async () => {
    const png = await sharp({
      create: { width: 300, height: 100, channels: 4, background: '#0f6b5c' },
    })
      .png()
      .toBuffer()
    const logo = await ctx.payload.create({
      ...QUIET,
      collection: 'media',
      data: { alt: 'Logo' },
      file: { data: png, mimetype: 'image/png', name: 'logo-prova.png', size: png.length },
    })
    const bytes = await readMediaFile(ctx.payload, logo)
    expect(bytes?.equals(png)).toBe(true)

    const favicon = sharp(await renderIcon({ kind: 'favicon', logo: bytes, accent: '#0b5e73' }))
    expect(await favicon.metadata()).toMatchObject({ format: 'png', width: 32, height: 32 })
    // Fitted, not cropped: transparent above and below the wide logo.
    const { data } = await favicon.raw().toBuffer({ resolveWithObject: true })
    expect(data[3]).toBe(0)
    expect(data.readUInt32BE((16 * 32 + 16) * 4)).toBe(0x0f6b5cff)

    const apple = sharp(await renderIcon({ kind: 'apple', logo: bytes, accent: '#0b5e73' }))
    expect(await apple.metadata()).toMatchObject({ format: 'png', width: 180, height: 180 })
    const opaque = await apple.raw().toBuffer({ resolveWithObject: true })
    // White margin (home screens show transparency as black), the logo in the middle.
    expect(opaque.data.readUInt32BE(0)).toBe(0xffffffff)
    expect(opaque.data.readUInt32BE((90 * 180 + 90) * 4)).toBe(0x0f6b5cff)
  })

  it('finds no file for a name that is not a bare file name', async () => {
    expect(await readMediaFile(ctx.payload, { id: 'x', filename: '../test.db' })).toBeNull()
    expect(await readMediaFile(ctx.payload, { id: 'x', filename: 'manca.png' })).toBeNull()
    expect(await readMediaFile(ctx.payload, { id: 'x', filename: null })).toBeNull()
  })

  it('draws the fallback in the brand colour without a logo, or with an unreadable one', async () => {
    for (const logo of [null, Buffer.from('%PDF-1.4 not an image')]) {
      const icon = sharp(await renderIcon({ kind: 'apple', logo, accent: '#7a3b69' }))
      const { data, info } = await icon.ensureAlpha().raw().toBuffer({ resolveWithObject: true })
      expect(info).toMatchObject({ width: 180, height: 180, channels: 4 })
      // A corner of the rounded square: the brand colour behind it (flattened, opaque).
      expect(data.readUInt32BE((2 * 180 + 2) * 4)).toBe(0x7a3b69ff)
    }
    const favicon = await sharp(
      await renderIcon({ kind: 'favicon', logo: null, accent: '#7a3b69' }),
    )
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true })
    expect(favicon.info).toMatchObject({ width: 32, height: 32 })
    expect(favicon.data.readUInt32BE((3 * 32 + 16) * 4)).toBe(0x7a3b69ff)
  })
})

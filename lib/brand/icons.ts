import sharp, { type Sharp } from 'sharp'

/** The site's icons: a browser favicon and the Apple touch icon (home screen), both PNG. */
export const ICONS = {
  favicon: { size: 32, opaque: false },
  apple: { size: 180, opaque: true },
} as const

export type IconKind = keyof typeof ICONS

/** Share of the Apple icon the logo fills: iOS rounds the corners, so it keeps a margin. */
const APPLE_LOGO_SHARE = 0.8

/** Without a logo: a stylised foot on the brand colour, drawn here (no font, no file). */
export const fallbackIconSvg = (accent: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="${accent}"/><ellipse cx="34" cy="40" rx="14" ry="17" fill="#f7e3d4"/><circle cx="22" cy="18" r="6" fill="#f7e3d4"/><circle cx="32" cy="14" r="4" fill="#f7e3d4"/><circle cx="40" cy="15" r="3.5" fill="#f7e3d4"/><circle cx="47" cy="19" r="3" fill="#f7e3d4"/></svg>`

const png = (image: Sharp) => image.png({ compressionLevel: 9 }).toBuffer()

const transparent = { r: 0, g: 0, b: 0, alpha: 0 }
const white = { r: 255, g: 255, b: 255, alpha: 1 }

async function fromLogo(logo: Buffer, kind: IconKind): Promise<Buffer> {
  const { size, opaque } = ICONS[kind]
  if (!opaque) {
    return png(sharp(logo).resize(size, size, { fit: 'contain', background: transparent }))
  }
  // Home screens show transparency as black: the logo sits on white, with a margin.
  const inner = Math.round(size * APPLE_LOGO_SHARE)
  const resized = await sharp(logo)
    .resize(inner, inner, { fit: 'contain', background: white })
    .flatten({ background: white })
    .toBuffer()
  return png(
    sharp({ create: { width: size, height: size, channels: 4, background: white } }).composite([
      { input: resized, gravity: 'centre' },
    ]),
  )
}

/**
 * The icon as PNG bytes: the clinic's logo fitted into the square, or the fallback drawing in
 * the brand colour when there is no logo or it cannot be decoded.
 */
export async function renderIcon({
  kind,
  logo,
  accent,
}: {
  kind: IconKind
  logo: Buffer | null
  accent: string
}): Promise<Buffer> {
  if (logo) {
    try {
      return await fromLogo(logo, kind)
    } catch {
      // A file sharp cannot read (a PDF picked as logo): the fallback is better than no icon.
    }
  }
  const { size, opaque } = ICONS[kind]
  const drawing = sharp(Buffer.from(fallbackIconSvg(accent))).resize(size, size)
  return png(opaque ? drawing.flatten({ background: accent }) : drawing)
}

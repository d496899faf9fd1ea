import sharp from 'sharp'

/**
 * Seed images are drawn here and rasterised with sharp: nothing is downloaded and no binary
 * is committed. Shapes only (no text), so the result does not depend on installed fonts.
 */
export type GeneratedImage = { data: Buffer; mimetype: 'image/png'; name: string; size: number }

async function rasterise(svg: string, name: string): Promise<GeneratedImage> {
  const data = await sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toBuffer()
  return { data, mimetype: 'image/png', name, size: data.length }
}

/** A calm, schematic drawing of a forefoot with the big toe deviated (hallux valgus). */
export const heroIllustration = () =>
  rasterise(
    `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900" viewBox="0 0 1600 900">
      <defs>
        <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stop-color="#e6f1f4"/><stop offset="1" stop-color="#c9e0e7"/>
        </linearGradient>
      </defs>
      <rect width="1600" height="900" fill="url(#bg)"/>
      <circle cx="1320" cy="160" r="220" fill="#ffffff" opacity="0.35"/>
      <g fill="#f7e3d4" stroke="#0b5e73" stroke-width="10" stroke-linejoin="round">
        <path d="M640 820 C560 700 560 520 610 400 C650 300 720 250 800 250 C900 250 980 300 1010 400 C1040 520 1020 700 960 820 Z"/>
        <ellipse cx="700" cy="230" rx="70" ry="95" transform="rotate(28 700 230)"/>
        <ellipse cx="815" cy="185" rx="38" ry="55"/>
        <ellipse cx="885" cy="200" rx="34" ry="50"/>
        <ellipse cx="945" cy="230" rx="30" ry="44"/>
        <ellipse cx="995" cy="275" rx="26" ry="38"/>
      </g>
      <circle cx="625" cy="390" r="34" fill="#e9a58b" opacity="0.9"/>
      <path d="M560 470 L700 180" stroke="#0b5e73" stroke-width="6" stroke-dasharray="18 14" fill="none"/>
    </svg>`,
    'alluce-valgo-illustrazione.png',
  )

/** A neutral portrait placeholder until the clinic uploads the surgeon's photo. */
export const portraitPlaceholder = () =>
  rasterise(
    `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600" viewBox="0 0 600 600">
      <rect width="600" height="600" fill="#d9e8ed"/>
      <circle cx="300" cy="235" r="115" fill="#8fb3bf"/>
      <path d="M90 600 C110 430 200 375 300 375 C400 375 490 430 510 600 Z" fill="#8fb3bf"/>
    </svg>`,
    'ritratto-segnaposto.png',
  )

/**
 * The demo clinic's logo: a stylised footprint in a rounded square of the demo brand colour.
 * Square, so the generated favicon and Apple touch icon need no cropping.
 */
export const clinicLogo = (brandColor: string) =>
  rasterise(
    `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">
      <rect width="512" height="512" rx="112" fill="${brandColor}"/>
      <g fill="#ffffff">
        <path d="M250 452 C196 452 170 404 176 348 C182 292 196 262 204 222 C212 182 238 160 272 164 C312 168 330 204 326 250 C322 296 306 322 310 366 C314 410 300 452 250 452 Z"/>
        <ellipse cx="198" cy="120" rx="40" ry="50" transform="rotate(-12 198 120)"/>
        <ellipse cx="270" cy="88" rx="25" ry="31"/>
        <ellipse cx="325" cy="102" rx="22" ry="27"/>
        <ellipse cx="368" cy="134" rx="19" ry="23"/>
        <ellipse cx="398" cy="176" rx="16" ry="20"/>
      </g>
    </svg>`,
    'logo-clinica.png',
  )

/**
 * A string as a CSS string literal: every character outside a plain safe set becomes a CSS
 * escape, so nothing can end the string or the declaration.
 */
export function cssString(value: string): string {
  const escaped = [...value]
    .map((char) =>
      /[A-Za-z0-9:/._~%?=&+@,-]/.test(char) ? char : `\\${char.codePointAt(0)!.toString(16)} `,
    )
    .join('')
  return `"${escaped}"`
}

/**
 * The site's origin for the print stylesheet: printed pages show the address of each link
 * after it, and site-relative links ("/blog/…") need the origin in front to be usable on paper.
 */
export function printOriginCss(siteUrl: string): string {
  return `html:root{--site-origin:${cssString(siteUrl.replace(/\/+$/, ''))}}`
}

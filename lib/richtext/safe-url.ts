/**
 * Link targets allowed in content: http(s), mailto, tel, site-relative paths and anchors.
 * Anything else (javascript:, data:, vbscript:, protocol-relative URLs …) is refused.
 */
export function safeHref(raw: unknown): string | null {
  if (typeof raw !== 'string') return null
  // Browsers ignore control characters and whitespace inside schemes ("java\nscript:").
  const url = raw
    .replace(/[\u0000-\u0020\u007f-\u009f]/g, (char) => (char === ' ' ? ' ' : ''))
    .trim()
  if (url === '') return null
  if (url.startsWith('#')) return url
  if (url.startsWith('/')) return url.startsWith('//') || url.startsWith('/\\') ? null : url
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase()
  if (!scheme) return null
  return ['http', 'https', 'mailto', 'tel'].includes(scheme) ? url : null
}

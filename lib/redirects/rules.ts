/**
 * Redirect rules, framework-free: path normalisation, chain collapsing and loop detection.
 * A redirect maps a site path (`/blog/old-slug`) to a target path or absolute URL.
 */
export type RedirectRule = { from: string; to: string }

/** `/blog/x/`, `blog/x` and `/blog/x?utm=1` all mean `/blog/x`. */
export function normalizeRedirectPath(raw: string): string {
  const path = raw.trim().split(/[?#]/)[0] ?? ''
  const withSlash = path.startsWith('/') ? path : `/${path}`
  return withSlash.length > 1 ? withSlash.replace(/\/+$/, '') : withSlash
}

/** Site-relative paths are compared normalised; absolute URLs as written. */
export const redirectTarget = (to: string) =>
  /^https?:\/\//i.test(to.trim()) ? to.trim() : normalizeRedirectPath(to)

export class RedirectLoopError extends Error {
  constructor(readonly path: string[]) {
    super(`Questo reindirizzamento creerebbe un ciclo: ${path.join(' → ')}.`)
    this.name = 'RedirectLoopError'
  }
}

/**
 * Where a new rule `from → to` finally lands, following existing rules (chains collapse into
 * one hop). Throws RedirectLoopError when the chain comes back to `from` or to itself.
 */
export function finalTarget(rule: RedirectRule, existing: RedirectRule[]): string {
  const from = normalizeRedirectPath(rule.from)
  const byFrom = new Map(
    existing
      .filter((r) => normalizeRedirectPath(r.from) !== from)
      .map((r) => [normalizeRedirectPath(r.from), redirectTarget(r.to)]),
  )
  const visited = [from]
  let target = redirectTarget(rule.to)
  while (true) {
    if (target === from || visited.includes(target))
      throw new RedirectLoopError([...visited, target])
    const next = byFrom.get(target)
    if (next === undefined) return target
    visited.push(target)
    target = next
  }
}

/** Existing rules that pointed at `from` now point straight at its new target (no chains). */
export function retarget(existing: RedirectRule[], from: string, target: string): RedirectRule[] {
  const source = normalizeRedirectPath(from)
  return existing
    .filter((rule) => redirectTarget(rule.to) === source)
    .map((rule) => ({ ...rule, to: target }))
}

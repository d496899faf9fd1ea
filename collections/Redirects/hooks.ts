import {
  ValidationError,
  type CollectionAfterChangeHook,
  type CollectionAfterDeleteHook,
  type CollectionBeforeValidateHook,
  type PayloadRequest,
} from 'payload'

import { hasRole } from '@/access/roles'
import type { Redirect } from '@/payload-types'
import { getEnv } from '@/lib/env'
import { safeHref } from '@/lib/richtext/safe-url'
import { pagePath, postPath } from '@/lib/paths'
import {
  externalHost,
  externalRedirectRefused,
  hostOf,
  isMalformedHttpUrl,
} from '@/lib/redirects/external'
import { bumpRedirectsVersion } from '@/lib/redirects/version'
import {
  finalTarget,
  normalizeRedirectPath,
  RedirectLoopError,
  retarget,
  type RedirectRule,
} from '@/lib/redirects/rules'

type RedirectTo = NonNullable<Redirect['to']>

/** The path or URL a redirect leads to now (references follow the document's current slug). */
export async function targetOf(
  to: RedirectTo | null | undefined,
  req: PayloadRequest,
): Promise<string | null> {
  if (!to) return null
  if (to.type === 'custom') return to.url ? (safeHref(to.url) ?? null) : null
  const ref = to.reference
  if (!ref) return null
  const value = ref.value
  const doc =
    typeof value === 'object'
      ? value
      : await req.payload.findByID({
          collection: ref.relationTo,
          id: value,
          depth: 0,
          req,
          disableErrors: true,
        })
  if (!doc?.slug) return null
  return ref.relationTo === 'posts' ? postPath(doc.slug) : pagePath(doc.slug)
}

async function existingRules(
  req: PayloadRequest,
  exceptId?: string,
): Promise<(RedirectRule & { id: string })[]> {
  const { docs } = await req.payload.find({
    collection: 'redirects',
    pagination: false,
    depth: 0,
    req,
    where: exceptId === undefined ? undefined : { id: { not_equals: exceptId } },
  })
  const rules = await Promise.all(
    docs.map(async (doc) => ({
      id: doc.id,
      from: doc.from,
      to: (await targetOf(doc.to, req)) ?? '',
    })),
  )
  return rules.filter((rule) => rule.to !== '')
}

const invalidTarget = (path: string, message: string) =>
  new ValidationError({ collection: 'redirects', errors: [{ path, message }] })

/** Host names editors may redirect to: the Clinic global's allowlist. */
async function allowedRedirectHosts(req: PayloadRequest): Promise<string[]> {
  const clinic = await req.payload.findGlobal({
    slug: 'clinic',
    depth: 0,
    req,
    overrideAccess: true,
    select: { redirectHosts: true },
  })
  return (clinic.redirectHosts ?? []).map((row) => row.host)
}

/**
 * Normalises `from`, refuses unsafe targets, loops and (unless an admin saves it, or its host is
 * in the Clinic's allowlist) targets on another site, and collapses chains into one hop.
 * Runs on every write, including partial updates that only send `to` or `type`.
 */
export const validateRedirect: CollectionBeforeValidateHook<Redirect> = async ({
  data,
  req,
  originalDoc,
}) => {
  const rawFrom = data?.from ?? originalDoc?.from
  if (!rawFrom) return data
  const from = normalizeRedirectPath(rawFrom)
  const to = { ...originalDoc?.to, ...data?.to } as RedirectTo
  if (to.type === 'custom' && to.url && (!safeHref(to.url) || isMalformedHttpUrl(to.url))) {
    throw invalidTarget(
      'to.url',
      'Indirizzo non valido: usa un percorso del sito (/…) oppure un indirizzo http(s).',
    )
  }
  const target = await targetOf(to, req)
  if (!target) return { ...data, from, externalApproved: false }
  let stored = to
  try {
    const landing = finalTarget({ from, to: target }, await existingRules(req, originalDoc?.id))
    if (to.type === 'custom' && landing !== target) stored = { ...to, url: landing }
  } catch (error) {
    if (error instanceof RedirectLoopError) throw invalidTarget('from', error.message)
    throw error
  }
  // Only a custom URL can lead to another site (a reference is always one of our pages).
  const host =
    stored.type === 'custom' && stored.url
      ? externalHost(stored.url, [hostOf(getEnv().siteUrl)])
      : null
  const byAdmin = hasRole(req.user, 'admin')
  if (host !== null && !byAdmin && !(await allowedRedirectHosts(req)).includes(host)) {
    throw invalidTarget('to.url', externalRedirectRefused(host))
  }
  return {
    ...data,
    from,
    ...(stored === to ? {} : { to: stored }),
    externalApproved: host !== null && byAdmin,
  }
}

/** Redirects that led to this one's source now lead straight to its target; the proxy reloads. */
export const collapseChainsAndReload: CollectionAfterChangeHook<Redirect> = async ({
  doc,
  req,
  context,
}) => {
  await bumpRedirectsVersion()
  if (context.redirectsCollapsing) return doc
  const target = await targetOf(doc.to, req)
  if (!target) return doc
  for (const rule of retarget(await existingRules(req, doc.id), doc.from, target)) {
    await req.payload.update({
      collection: 'redirects',
      id: (rule as RedirectRule & { id: string }).id,
      data: { to: { type: 'custom', url: rule.to } },
      req,
      context: { ...context, redirectsCollapsing: true },
    })
  }
  return doc
}

export const reloadRedirects: CollectionAfterDeleteHook = async ({ doc }) => {
  await bumpRedirectsVersion()
  return doc
}

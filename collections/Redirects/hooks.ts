import {
  ValidationError,
  type CollectionAfterChangeHook,
  type CollectionAfterDeleteHook,
  type CollectionBeforeValidateHook,
  type PayloadRequest,
} from 'payload'

import type { Redirect } from '@/payload-types'
import { safeHref } from '@/lib/richtext/safe-url'
import { pagePath, postPath } from '@/lib/paths'
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

/** Normalises `from`, refuses unsafe targets and loops, and collapses chains into one hop. */
export const validateRedirect: CollectionBeforeValidateHook<Redirect> = async ({
  data,
  req,
  originalDoc,
}) => {
  if (!data?.from) return data
  const from = normalizeRedirectPath(data.from)
  const to = { ...originalDoc?.to, ...data.to } as RedirectTo
  if (to.type === 'custom' && to.url && !safeHref(to.url)) {
    throw new ValidationError({
      collection: 'redirects',
      errors: [
        {
          path: 'to.url',
          message:
            'Indirizzo non valido: usa un percorso del sito (/…) oppure un indirizzo http(s).',
        },
      ],
    })
  }
  const target = await targetOf(to, req)
  if (!target) return { ...data, from }
  try {
    const landing = finalTarget({ from, to: target }, await existingRules(req, originalDoc?.id))
    if (to.type === 'custom' && landing !== target)
      return { ...data, from, to: { ...to, url: landing } }
  } catch (error) {
    if (error instanceof RedirectLoopError) {
      throw new ValidationError({
        collection: 'redirects',
        errors: [{ path: 'from', message: error.message }],
      })
    }
    throw error
  }
  return { ...data, from }
}

/** Redirects that led to this one's source now lead straight to its target; the proxy reloads. */
export const collapseChainsAndReload: CollectionAfterChangeHook<Redirect> = async ({
  doc,
  req,
  context,
}) => {
  bumpRedirectsVersion()
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

export const reloadRedirects: CollectionAfterDeleteHook = ({ doc }) => {
  bumpRedirectsVersion()
  return doc
}

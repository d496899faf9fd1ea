import type { GenerateDescription, GenerateTitle, GenerateURL } from '@payloadcms/plugin-seo/types'

import { getEnv } from '@/lib/env'
import { postPath } from '@/lib/paths'
import { truncateAtWord } from '@/lib/text'

/** Google shows about 60 characters of a title and 155 of a description. */
export const META_TITLE_MAX = 60
export const META_DESCRIPTION_MAX = 155

type SeoDoc = { title?: string | null; excerpt?: string | null; slug?: string | null }

export const generateSeoTitle: GenerateTitle<SeoDoc> = ({ doc }) =>
  truncateAtWord(doc?.title ?? '', META_TITLE_MAX)

export const generateSeoDescription: GenerateDescription<SeoDoc> = ({ doc }) =>
  truncateAtWord(doc?.excerpt ?? '', META_DESCRIPTION_MAX)

export const generateSeoUrl: GenerateURL<SeoDoc> = ({ doc }) =>
  `${getEnv().siteUrl}${doc?.slug ? postPath(doc.slug) : '/'}`

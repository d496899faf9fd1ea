import {
  BlockquoteFeature,
  BoldFeature,
  FixedToolbarFeature,
  HeadingFeature,
  HorizontalRuleFeature,
  InlineToolbarFeature,
  ItalicFeature,
  LinkFeature,
  OrderedListFeature,
  ParagraphFeature,
  UnderlineFeature,
  UnorderedListFeature,
  UploadFeature,
} from '@payloadcms/richtext-lexical'
import type { FieldAffectingData, TextFieldSingleValidation } from 'payload'

import { safeHref } from '@/lib/richtext/safe-url'

/** Links may only lead to http(s), mailto:, tel: or the site's own paths (checked on save). */
export const validateLinkUrl: TextFieldSingleValidation = (value, { siblingData }) => {
  if ((siblingData as { linkType?: string } | undefined)?.linkType === 'internal') return true
  return safeHref(value)
    ? true
    : 'Link non valido: usa un indirizzo http(s), mailto:, tel: oppure un percorso del sito (/…).'
}

const withSafeUrls = ({
  defaultFields,
}: {
  defaultFields: FieldAffectingData[]
}): FieldAffectingData[] =>
  defaultFields.map((field) =>
    field.type === 'text' && field.name === 'url' && !field.hasMany
      ? { ...field, validate: validateLinkUrl }
      : field,
  )

/**
 * What editors may put in an article: h2–h4 (the page owns the h1), paragraphs, lists,
 * links, quotes and images. No raw HTML, embeds or code blocks.
 */
export const editorFeatures = () => [
  ParagraphFeature(),
  HeadingFeature({ enabledHeadingSizes: ['h2', 'h3', 'h4'] }),
  BoldFeature(),
  ItalicFeature(),
  UnderlineFeature(),
  UnorderedListFeature(),
  OrderedListFeature(),
  LinkFeature({ enabledCollections: ['posts'], fields: withSafeUrls }),
  BlockquoteFeature(),
  UploadFeature({ collections: { media: { fields: [] } } }),
  HorizontalRuleFeature(),
  FixedToolbarFeature(),
  InlineToolbarFeature(),
]

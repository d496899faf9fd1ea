import type { CollectionSlug, Field, FieldHook, TextFieldSingleValidation, Where } from 'payload'

import { isValidSlug, SLUG_MAX_LENGTH, slugify } from '@/lib/slug'

type SlugFieldOptions = {
  /** The field the slug is generated from when an editor leaves it empty. */
  from?: string
  description?: string
  /** Slugs taken by the site's own sections (for documents served at `/<slug>`). */
  reserved?: readonly string[]
}

const generateWhenEmpty =
  (from: string): FieldHook =>
  ({ value, data, originalDoc }) => {
    const typed = typeof value === 'string' ? slugify(value) : ''
    if (typed) return typed
    const source = data?.[from] ?? originalDoc?.[from]
    return typeof source === 'string' ? slugify(source) : value
  }

/** Checks the format and that no other document of the collection uses the slug. */
const validateSlug =
  (reserved: readonly string[]): TextFieldSingleValidation =>
  async (value, { req, id, collectionSlug }) => {
    if (typeof value !== 'string' || value === '') return 'Lo slug è obbligatorio.'
    if (reserved.includes(value)) {
      return `Lo slug «${value}» è riservato a una sezione del sito: scegline un altro.`
    }
    if (!isValidSlug(value) || value.length > SLUG_MAX_LENGTH) {
      return `Lo slug «${value}» non è valido: usa solo lettere minuscole senza accenti, numeri e trattini (massimo ${SLUG_MAX_LENGTH} caratteri).`
    }
    if (!collectionSlug) return true
    const where: Where = { slug: { equals: value } }
    if (id !== undefined) where.id = { not_equals: id }
    const { totalDocs } = await req.payload.count({
      collection: collectionSlug as CollectionSlug,
      where,
      req,
      overrideAccess: true,
    })
    return (
      totalDocs === 0 ||
      `Lo slug «${value}» è già usato da un altro documento: scegline uno diverso.`
    )
  }

export const slugField = ({
  from = 'title',
  description,
  reserved = [],
}: SlugFieldOptions = {}): Field => ({
  name: 'slug',
  type: 'text',
  label: 'Slug (indirizzo)',
  required: true,
  unique: true,
  index: true,
  maxLength: SLUG_MAX_LENGTH,
  validate: validateSlug(reserved),
  hooks: { beforeValidate: [generateWhenEmpty(from)] },
  admin: {
    position: 'sidebar',
    description:
      description ??
      'Parte finale dell’indirizzo della pagina. Se lasciato vuoto viene generato dal titolo.',
  },
})

import type { FieldHook, RelationshipField } from 'payload'

import { uploadsIn } from '@/lib/revalidation/decision'

/**
 * The media a document's rich-text body shows, kept beside the body on every save. Neither
 * engine can query inside a Lexical value, so this is what lets a media change find the articles
 * and pages to refresh with one indexed query instead of reading every body
 * (lib/revalidation/dependents.ts). Nobody writes it but this hook: clients' values are dropped
 * (no create or update access), it is never read out (no read access) and never populated.
 */
const fromBody: FieldHook = ({ siblingData, previousSiblingDoc }) =>
  uploadsIn(siblingData.content ?? previousSiblingDoc?.content)

const nobody = () => false

export const bodyUploadsField: RelationshipField = {
  name: 'bodyUploads',
  type: 'relationship',
  relationTo: 'media',
  hasMany: true,
  maxDepth: 0,
  access: { read: nobody, create: nobody, update: nobody },
  hooks: { beforeChange: [fromBody] },
  admin: { hidden: true, disableBulkEdit: true, disableListColumn: true, disableListFilter: true },
}

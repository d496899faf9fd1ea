import type { Access } from 'payload'

/** Staff see everything; everyone else only the published version of a document. */
export const authenticatedOrPublished: Access = ({ req: { user } }) => {
  if (user) return true
  return { _status: { equals: 'published' } }
}

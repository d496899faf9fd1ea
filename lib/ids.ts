import { z } from 'zod'

/**
 * Document ids are strings on both engines: UUIDs on the embedded SQLite database
 * (`idType: 'uuid'`) and 24-character hex ObjectIds on MongoDB. Anything else (a number, a
 * slug, a typo in a URL) cannot name a document, so it is refused before any query runs.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const OBJECT_ID = /^[0-9a-f]{24}$/i

export const documentId = z.string().refine((value) => UUID.test(value) || OBJECT_ID.test(value), {
  message: 'expected a document id (a UUID or a 24-character hex ObjectId)',
})

export const isDocumentId = (value: unknown): value is string => documentId.safeParse(value).success

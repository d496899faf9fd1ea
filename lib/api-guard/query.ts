import type { PayloadRequest } from 'payload'
import { z } from 'zod'

import { isDocumentId } from '@/lib/ids'

import { badRequest } from './errors'
import type { Scope } from './fields'
import { ANONYMOUS_MAX_DEPTH, MAX_LIMIT, MAX_PAGE } from './limits'
import { checkSort, checkWhere } from './where'

/**
 * The query string of a REST request to one of Payload's collection or global endpoints,
 * checked before Payload parses it: numbers in range, no unbounded list for anyone, no deep
 * population for anonymous readers, `where` and `sort` on readable fields only.
 */

/** A non-negative integer as the query string carries it (no `1e20`, `1.5`, `-1`, `abc`). */
const integerIn = (name: string, min: number, max: number) => {
  const message = `Parametro "${name}" non valido: atteso un intero tra ${min} e ${max}.`
  return z
    .union(
      [z.string().regex(/^\d{1,9}$/, { error: message }), z.number().int({ error: message })],
      {
        error: message,
      },
    )
    .transform(Number)
    .pipe(z.number().min(min, { error: message }).max(max, { error: message }))
}

/** Depth beyond Payload's `maxDepth` is cut by Payload itself; anonymous readers are refused. */
const MAX_SIGNED_IN_DEPTH = 10

export type RestCheck = {
  /** GET: a read, bounded by `limit`/`pagination`; writes (bulk PATCH/DELETE) may use limit=0. */
  read: boolean
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value)
  if (!result.success) throw badRequest(result.error.issues[0]?.message ?? 'Parametro non valido.')
  return result.data
}

/** Throws a 400 (APIError) naming the first parameter out of bounds. */
export async function checkRestQuery(
  req: PayloadRequest,
  scope: Scope,
  params: Record<string, unknown>,
  { read }: RestCheck,
): Promise<void> {
  const anonymous = !req.user
  if (params.limit !== undefined) parse(integerIn('limit', read ? 1 : 0, MAX_LIMIT), params.limit)
  if (params.page !== undefined) parse(integerIn('page', 1, MAX_PAGE), params.page)
  if (params.depth !== undefined) {
    parse(
      integerIn('depth', 0, anonymous ? ANONYMOUS_MAX_DEPTH : MAX_SIGNED_IN_DEPTH),
      params.depth,
    )
  }
  if (read && params.pagination !== undefined && String(params.pagination) !== 'true') {
    throw badRequest(
      `Parametro "pagination" non valido: gli elenchi sono sempre paginati (al massimo ${MAX_LIMIT} per pagina).`,
    )
  }
  if (params.where !== undefined) await checkWhere(req, scope, parseWhere(params.where))
  if (params.sort !== undefined) await checkSort(req, scope, params.sort)
}

/** `where` may also come as JSON text (Payload parses it); text that is not JSON is refused. */
function parseWhere(where: unknown): unknown {
  if (typeof where !== 'string') return where
  try {
    return JSON.parse(where) as unknown
  } catch {
    throw badRequest('Parametro "where" non valido: atteso un oggetto.')
  }
}

/** Throws a 400 unless `id` can name a document (a UUID or an ObjectId). */
export function checkDocumentId(id: unknown): void {
  if (!isDocumentId(id)) {
    throw badRequest(
      'Identificativo non valido: atteso un UUID o un ObjectId di 24 cifre esadecimali.',
    )
  }
}

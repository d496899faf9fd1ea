import { GRAPHQL_POST } from '@payloadcms/next/routes'
import type { Payload } from 'payload'

export type GraphQLResult = {
  data?: Record<string, unknown> | null
  errors?: { message: string }[]
}

export type GraphQL = (query: string, token?: string) => Promise<GraphQLResult>

/**
 * POST /api/graphql through Payload's real route handler, as `Authorization: JWT <token>` when a
 * token is given. A query that does not parse proves nothing about access: it throws instead of
 * letting a test pass vacuously.
 */
export function graphqlClient(payload: Payload): GraphQL {
  const handler = GRAPHQL_POST(payload.config)
  const url = new URL('/api/graphql', payload.config.serverURL)
  return async (query, token) => {
    const response = await handler(
      new Request(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          ...(token ? { Authorization: `JWT ${token}` } : {}),
        },
        body: JSON.stringify({ query }),
      }),
    )
    const result = (await response.json()) as GraphQLResult
    const syntax = result.errors?.find((error) => error.message.startsWith('Syntax Error'))
    if (syntax) throw new Error(`${syntax.message}\n${query}`)
    return result
  }
}

/** Every error message of a result, joined. */
export const graphqlErrors = (result: GraphQLResult) =>
  (result.errors ?? []).map((error) => error.message).join(' | ')

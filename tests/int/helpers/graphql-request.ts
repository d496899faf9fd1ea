import { GRAPHQL_POST } from '@payloadcms/next/routes'
import type { Payload } from 'payload'

export type GraphQLError = { message: string; extensions?: { statusCode?: number } }
export type GraphQLResponse = {
  status: number
  data?: Record<string, unknown> | null
  errors?: GraphQLError[]
}

/**
 * POST /api/graphql through Payload's real route handler (the app's own route), with optional
 * variables and `Authorization: JWT <token>`. Returns the HTTP status with the body, since a
 * refused query must be refused before it runs (validation errors: no `data` at all).
 */
export async function graphqlRequest(
  payload: Payload,
  query: string,
  { token, variables }: { token?: string; variables?: Record<string, unknown> } = {},
): Promise<GraphQLResponse> {
  const url = new URL('/api/graphql', payload.config.serverURL)
  const response = await GRAPHQL_POST(payload.config)(
    new Request(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(token ? { Authorization: `JWT ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    }),
  )
  const body = (await response.json()) as Omit<GraphQLResponse, 'status'>
  const syntax = body.errors?.find((error) => error.message.startsWith('Syntax Error'))
  if (syntax) throw new Error(`${syntax.message}\n${query}`)
  return { status: response.status, ...body }
}

/** Every error message, joined: what the client is told. */
export const errorText = (response: GraphQLResponse) =>
  (response.errors ?? []).map((error) => error.message).join(' | ')

/** The HTTP-like status Payload gives each error of an executed query (500 = server fault). */
export const errorStatuses = (response: GraphQLResponse) =>
  (response.errors ?? []).map((error) => error.extensions?.statusCode)

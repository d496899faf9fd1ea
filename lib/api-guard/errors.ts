import { APIError } from 'payload'

/** The error's name, set explicitly (a minified build renames classes): logged as info. */
export const REFUSED_QUERY = 'RefusedQuery'

/**
 * A refused request: Payload answers 400 with this message over REST (`errors[0].message`) and
 * GraphQL (`errors[].message`, `extensions.statusCode` 400). Public, so the message is shown.
 */
export class RefusedQuery extends APIError {
  constructor(message: string) {
    super(message, 400, { rule: 'api-guard' }, true)
    this.name = REFUSED_QUERY
  }
}

export const badRequest = (message: string) => new RefusedQuery(message)

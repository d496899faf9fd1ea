import type { Payload } from 'payload'

import type { User } from '@/payload-types'
import { articleBlocksToLexical } from '@/lib/text-import'

export const TEST_PASSWORD = 'a-long-test-password'

/**
 * Spread into a Local API call to skip the revalidation hooks (no Next cache runs in these
 * tests). The getter gives each call its own `context`: Payload uses that object as
 * `req.context`, which hooks write flags to, so a shared one would carry them into the next call.
 */
export const QUIET = {
  get context() {
    return { disableRevalidate: true }
  },
}

/** An account with the test password, created with access control bypassed; named by e-mail. */
export const createUser = (
  payload: Payload,
  email: string,
  role: User['role'],
  extra: Partial<Pick<User, 'name' | 'profile'>> = {},
) =>
  payload.create({
    collection: 'users',
    data: { email, password: TEST_PASSWORD, name: email, role, ...extra },
  })

/** A rich-text body of one paragraph: all most test posts need. */
export const paragraphBody = (text: string) => articleBlocksToLexical([{ type: 'paragraph', text }])

/** A rich-text body that shows these media documents, as the editor's upload nodes. */
export const uploadsBody = (...mediaIds: string[]) => ({
  root: {
    type: 'root',
    format: '' as const,
    indent: 0,
    version: 1,
    direction: null,
    children: mediaIds.map((value, index) => ({
      type: 'upload',
      version: 3,
      format: '',
      id: `figura-${index}`,
      fields: null,
      relationTo: 'media',
      value,
    })),
  },
})

/**
 * Runs `run` with Payload's logger silenced: Payload logs every refused login as an error, and
 * the refusals a test makes on purpose would bury the real ones.
 */
export async function withoutErrorLogs<T>(payload: Payload, run: () => Promise<T>): Promise<T> {
  const level = payload.logger.level
  payload.logger.level = 'fatal'
  try {
    return await run()
  } finally {
    payload.logger.level = level
  }
}

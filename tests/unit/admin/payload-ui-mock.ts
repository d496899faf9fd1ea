import { afterEach, beforeEach, jest } from '@jest/globals'
import type { Where } from 'payload'

/**
 * Stand-ins for the admin's runtime (Jest has no CSS loader, and @payloadcms/ui needs Payload's
 * providers): the CSS module gives back its class names, the form hooks read `formState`, the
 * list hooks read `listQuery`. Call before importing the components.
 */
export const formState: Record<string, { value: unknown }> = {}

export const listQuery: {
  query: { where?: unknown }
  handleWhereChange: jest.Mock<(where: Where) => Promise<void>>
} = { query: {}, handleWhereChange: jest.fn(async () => {}) }

/** The signed-in user, the open document and the form's dispatcher, for the components that act. */
export const session: {
  user: Record<string, unknown> | null
  documentId: string | undefined
  dispatchFields: jest.Mock<(action: Record<string, unknown>) => void>
} = { user: null, documentId: undefined, dispatchFields: jest.fn() }

export function mockAdminRuntime() {
  jest.unstable_mockModule('@/components/admin/admin.module.css', () => ({
    default: new Proxy(
      {},
      { get: (_target, name) => (typeof name === 'string' ? name : undefined) },
    ),
  }))
  jest.unstable_mockModule('@payloadcms/ui', () => ({
    useFormFields: <T>(selector: (context: [typeof formState, () => void]) => T): T =>
      selector([formState, () => {}]),
    useDebounce: <T>(value: T): T => value,
    useListQuery: () => listQuery,
    useAuth: () => ({ user: session.user }),
    useConfig: () => ({ config: { routes: { api: '/api' } } }),
    useDocumentInfo: () => ({ id: session.documentId, collectionSlug: 'posts' }),
    useForm: () => ({ dispatchFields: session.dispatchFields }),
  }))
}

export function setForm(values: Record<string, unknown>) {
  for (const key of Object.keys(formState)) delete formState[key]
  for (const [path, value] of Object.entries(values)) formState[path] = { value }
}

/**
 * A mocked `fetch` for the admin components' API calls, installed before each test and reset
 * after it. jsdom has no fetch Response: the components only read `ok`, `status` and `json()`.
 */
export function mockFetch() {
  const fetchMock = jest.fn<typeof fetch>()
  const reply = (status: number, body: unknown) =>
    fetchMock.mockResolvedValueOnce({
      ok: status >= 200 && status < 300,
      status,
      json: async () => body,
    } as Response)
  beforeEach(() => {
    globalThis.fetch = fetchMock
  })
  afterEach(() => {
    fetchMock.mockReset()
  })
  return { fetchMock, reply }
}

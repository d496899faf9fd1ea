import { APIError, type Endpoint, type PayloadRequest } from 'payload'

import { userIsAdmin } from '@/access/isAdmin'
import { isDocumentId } from '@/lib/ids'
import { authGuards } from '@/lib/auth/guards'

/** The account behind `/api/users/:id/login-delays`, for admins only. */
async function accountOf(req: PayloadRequest) {
  if (!userIsAdmin(req.user)) throw new APIError('Solo gli amministratori.', 403, {}, true)
  const id = req.routeParams?.id
  if (!isDocumentId(id)) throw new APIError('Identificativo non valido.', 400, {}, true)
  const user = await req.payload.findByID({ collection: 'users', id, depth: 0, req })
  return user
}

/** Failed-login delays of an account: list them, or clear them all (admins). */
export const loginDelayEndpoints: Endpoint[] = [
  {
    path: '/:id/login-delays',
    method: 'get',
    handler: async (req) => {
      const user = await accountOf(req)
      return Response.json(
        { delays: await authGuards().throttle.delays(user.email) },
        { headers: { 'Cache-Control': 'no-store' } },
      )
    },
  },
  {
    path: '/:id/login-delays',
    method: 'delete',
    handler: async (req) => {
      const user = await accountOf(req)
      await authGuards().throttle.clear(user.email)
      req.payload.logger.info(`Login delays of user ${user.id} cleared by ${req.user?.id}`)
      return Response.json({ cleared: true }, { headers: { 'Cache-Control': 'no-store' } })
    },
  },
]

import { APIError, type Endpoint } from 'payload'

import { userIsAdmin } from '@/access/isAdmin'
import { APPOINTMENT_REQUESTS_SLUG } from '@/lib/booking/constants'
import { isDocumentId } from '@/lib/ids'

/**
 * `GET /api/appointment-requests/:id/export`: everything stored about one request, as a JSON
 * download, for a patient's access request (GDPR art. 15). Admins only; each export is logged.
 */
export const exportEndpoint: Endpoint = {
  path: '/:id/export',
  method: 'get',
  handler: async (req) => {
    if (!userIsAdmin(req.user)) {
      throw new APIError('Solo gli amministratori possono esportare una richiesta.', 403, {}, true)
    }
    const id = req.routeParams?.id
    if (!isDocumentId(id)) throw new APIError('Identificativo non valido.', 400, {}, true)
    const request = await req.payload.findByID({
      collection: APPOINTMENT_REQUESTS_SLUG,
      id,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
    })
    if (!request) throw new APIError('Richiesta non trovata.', 404, {}, true)
    req.payload.logger.info(`[prenota] Richiesta ${id} esportata da ${String(req.user?.id)}`)
    const body = {
      esportataIl: new Date().toISOString(),
      richiesta: {
        id: request.id,
        nome: request.name,
        telefono: request.phone ?? null,
        email: request.email ?? null,
        fasciaOrariaPreferita: request.preferredPeriod,
        motivoDellaVisita: request.reason,
        consenso: request.consent,
        dataDelConsenso: request.consentAt ?? null,
        stato: request.status,
        gestitaIl: request.handledAt ?? null,
        chiusaIl: request.closedAt ?? null,
        ricevutaIl: request.createdAt,
        aggiornataIl: request.updatedAt,
        improntaIndirizzoIp: request.ipHash ?? null,
        avvisiEmail: {
          stato: request.delivery?.status ?? null,
          clinicaAvvisataIl: request.delivery?.clinicNotifiedAt ?? null,
          confermaAlPazienteIl: request.delivery?.patientConfirmedAt ?? null,
        },
      },
    }
    return new Response(JSON.stringify(body, null, 2), {
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="richiesta-${id}.json"`,
        'Cache-Control': 'no-store',
      },
    })
  },
}

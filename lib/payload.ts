import config from '@payload-config'
import { getPayload } from 'payload'

/** The Payload Local API for server code (pages, route handlers, scripts). */
export const getPayloadClient = () => getPayload({ config })

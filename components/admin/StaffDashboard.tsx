import type { Payload } from 'payload'

import { getLastBackup } from '@/lib/backup/schedule'
import { getDashboardData } from '@/lib/dashboard/data'
import type { User } from '@/payload-types'

import { DashboardPanel } from './DashboardPanel'

/**
 * Server component in `admin.components.beforeDashboard`: Payload passes the signed-in user and
 * the Local API. The counts are read with that user's access (lib/dashboard/data.ts).
 */
export async function StaffDashboard({
  payload,
  user,
}: {
  payload: Payload
  user?: (User & { collection?: string }) | null
}) {
  if (!user || user.collection !== 'users') return null
  const data = await getDashboardData(payload, user)
  // Backups are the admins' concern: when the last archive was written, and its size.
  const backup = user.role === 'admin' ? await getLastBackup() : undefined
  return <DashboardPanel data={data} backup={backup} />
}

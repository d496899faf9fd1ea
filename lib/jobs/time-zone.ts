import { ADMIN_TIME_ZONE } from '@/lib/admin/dates'

/**
 * Payload's scheduler reads each job's cron in the process's local time zone (croner, no zone
 * option), and a container's is UTC: "Mondays at 06:00" would come at 07:00 in Rome in winter
 * and 08:00 in summer, and a backup set for 02:30 would move with daylight saving. The server
 * therefore runs in the clinic's zone, whatever the host's `TZ`: every cron expression in the
 * code and in BACKUP_CRON is Rome time. Server code that formats dates names its zone anyway.
 */
export function adoptClinicTimeZone(): void {
  // Node drops its cached zone when TZ is assigned: Date's local time follows at once.
  process.env.TZ = ADMIN_TIME_ZONE
}

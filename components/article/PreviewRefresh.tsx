'use client'

import { RefreshRouteOnSave } from '@payloadcms/live-preview-react'
import { useRouter } from 'next/navigation'
import { useSyncExternalStore } from 'react'

const noSubscription = () => () => undefined

/**
 * In the admin's live preview, re-renders the draft preview on the server each time the editor
 * saves or autosaves, so the preview follows the edit without a manual reload. The admin and
 * the preview are the same app, so messages are accepted only from this page's own origin.
 */
export function PreviewRefresh() {
  const router = useRouter()
  const origin = useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => null,
  )
  if (!origin) return null
  // `router.refresh` is stable, so the listener is not re-subscribed on every render.
  return <RefreshRouteOnSave refresh={router.refresh} serverURL={origin} />
}

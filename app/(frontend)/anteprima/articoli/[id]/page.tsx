import type { Metadata } from 'next'
import { headers } from 'next/headers'
import { notFound } from 'next/navigation'

import { ArticleView } from '@/components/article/ArticleView'
import { PreviewRefresh } from '@/components/article/PreviewRefresh'
import { isDocumentId } from '@/lib/ids'
import { getPayloadClient } from '@/lib/payload'
import { getClinic } from '@/lib/queries/clinic'

type Props = { params: Promise<{ id: string }> }

// Rendered per request for the logged-in user: never cached, never indexed (see next.config.ts).
export const dynamic = 'force-dynamic'

export const metadata: Metadata = {
  title: 'Anteprima',
  robots: { index: false, follow: false },
}

/**
 * Draft preview for the admin (and its live preview): the latest draft of a post, as patients
 * would see it. Only a logged-in admin-panel user gets it (a link alone is not enough); anyone
 * else gets the 404 page.
 */
export default async function PostPreviewPage({ params }: Props) {
  const { id } = await params
  if (!isDocumentId(id)) notFound()
  const payload = await getPayloadClient()
  const { user } = await payload.auth({ headers: await headers() })
  if (!user) notFound()
  const post = await payload.findByID({
    collection: 'posts',
    id,
    draft: true,
    depth: 2,
    user,
    overrideAccess: false,
    disableErrors: true,
  })
  if (!post) notFound()
  return (
    <>
      <PreviewRefresh />
      <ArticleView
        post={post}
        clinic={await getClinic()}
        related={[]}
        structuredData={false}
        banner={
          <p className="preview-banner" role="status">
            Anteprima dell’ultima bozza: questa pagina non è pubblica.
          </p>
        }
      />
    </>
  )
}

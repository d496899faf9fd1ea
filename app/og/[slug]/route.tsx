import { readFile } from 'node:fs/promises'
import path from 'node:path'

import { ImageResponse } from 'next/og'

import { clinicName } from '@/lib/clinic'
import { getClinic } from '@/lib/queries/clinic'
import { getPostBySlug } from '@/lib/queries/posts'

const SOCIAL_IMAGE_SIZE = { width: 1200, height: 630 }

// The committed DejaVu fonts (assets/fonts): nothing is fetched while rendering.
const fonts = Promise.all(
  [
    ['DejaVuSans.ttf', 400],
    ['DejaVuSans-Bold.ttf', 700],
  ].map(async ([file, weight]) => ({
    name: 'DejaVu Sans',
    data: await readFile(path.join(process.cwd(), 'assets', 'fonts', String(file))),
    weight: weight as 400 | 700,
    style: 'normal' as const,
  })),
)

/**
 * The sharing image of a published article without its own: its title and the clinic's name.
 * Drafts and unknown slugs get a 404, like the article itself.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const post = await getPostBySlug((await params).slug)
  if (!post) return new Response('Immagine non trovata', { status: 404 })
  const name = clinicName(await getClinic())
  return new ImageResponse(
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
        padding: '72px',
        background: 'linear-gradient(135deg, #e6f1f4 0%, #c9e0e7 100%)',
        color: '#1d2733',
        fontFamily: 'DejaVu Sans',
      }}
    >
      <div style={{ display: 'flex', fontSize: 64, fontWeight: 700, lineHeight: 1.15 }}>
        {post.title}
      </div>
      <div style={{ display: 'flex', fontSize: 34, color: '#07404f' }}>{name}</div>
    </div>,
    { ...SOCIAL_IMAGE_SIZE, fonts: await fonts },
  )
}

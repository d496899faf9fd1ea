import { beforeAll, describe, expect, it } from '@jest/globals'

import type { User } from '@/payload-types'
import { BLANK_DRAFT_MAX_AGE_MS, purgeBlankDrafts } from '@/lib/editorial/blank-drafts'

import { createUser, paragraphBody, QUIET } from './helpers/fixtures'
import { setupTestPayload } from './helpers/payload'

/*
 * "Crea nuovo" on Articoli creates a draft at once (autosave). The ones nobody wrote in are
 * deleted a day later by the `purgeBlankDrafts` task; anything written keeps the draft.
 */
const ctx = setupTestPayload()
let editor: User

beforeAll(async () => {
  editor = await createUser(ctx.payload, 'editor-blank@test.it', 'editor')
}, 60_000)

/** What the admin's create view does when autosave is on: an empty draft. */
const openCreateForm = (data: Record<string, unknown> = {}) =>
  ctx.payload.create({
    ...QUIET,
    collection: 'posts',
    user: editor,
    overrideAccess: false,
    draft: true,
    data,
  })

const exists = async (id: string) =>
  (await ctx.payload.find({ collection: 'posts', where: { id: { equals: id } }, draft: true }))
    .totalDocs === 1

const later = (ms: number) => new Date(Date.now() + ms)

describe('blank drafts', () => {
  it('deletes an untitled draft nobody wrote in once it is a day old, not before', async () => {
    const blank = await openCreateForm()
    expect(blank.title ?? '').toBe('')

    const early = await purgeBlankDrafts(ctx.payload, later(BLANK_DRAFT_MAX_AGE_MS / 2))
    expect(early.deleted).not.toContain(blank.id)
    expect(await exists(blank.id)).toBe(true)

    const due = await purgeBlankDrafts(ctx.payload, later(BLANK_DRAFT_MAX_AGE_MS + 60_000))
    expect(due.deleted).toContain(blank.id)
    expect(await exists(blank.id)).toBe(false)
  })

  it('keeps drafts with a title, with text, or whose latest autosave has text', async () => {
    const titled = await openCreateForm({ title: 'Alluce valgo' })
    const withText = await openCreateForm({ content: paragraphBody('Appunti senza titolo.') })
    const autosaved = await openCreateForm()
    await ctx.payload.update({
      ...QUIET,
      collection: 'posts',
      id: autosaved.id,
      user: editor,
      overrideAccess: false,
      draft: true,
      autosave: true,
      data: { excerpt: 'Scritto da un salvataggio automatico.' },
    })

    const { deleted } = await purgeBlankDrafts(ctx.payload, later(2 * BLANK_DRAFT_MAX_AGE_MS))
    expect(deleted).toEqual([])
    for (const post of [titled, withText, autosaved]) expect(await exists(post.id)).toBe(true)
  })

  it('is a scheduled task of the default queue', () => {
    const task = ctx.payload.config.jobs.tasks?.find((t) => t.slug === 'purgeBlankDrafts')
    expect(task?.schedule).toEqual([{ cron: '41 * * * *', queue: 'default' }])
  })
})

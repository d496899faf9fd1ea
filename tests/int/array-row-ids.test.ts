import { describe, expect, it } from '@jest/globals'

import type { Post } from '@/payload-types'

import { paragraphBody, QUIET } from './helpers/fixtures'
import { setupRestPayload } from './helpers/rest'

/*
 * Array rows whose ids are already taken (lib/fields/unique-row-ids.ts): on SQLite a row id is
 * its table's primary key, so a copied id used to end a save in a raw "Failed query" 500. Each
 * such row now gets a fresh id; every other row keeps its own.
 */

const ctx = setupRestPayload()
const content = paragraphBody('Testo.')
const SOURCE = { title: 'Studio sull’osteotomia percutanea', pmid: '31234567' }
const QUESTION = { question: 'Quanto dura il recupero?', answer: 'Alcune settimane.' }

const createPost = (title: string, data: Partial<Post>) =>
  ctx.payload.create({
    ...QUIET,
    collection: 'posts',
    draft: true,
    data: { title, slug: '', content, _status: 'draft', ...data },
  })
const stored = (id: string) =>
  ctx.payload.findByID({ collection: 'posts', id, draft: true, depth: 0 }) as Promise<Post>
const rowIds = (rows: { id?: string | null }[] | null | undefined) => (rows ?? []).map((r) => r.id)

describe('array rows whose id is already taken', () => {
  it('gives rows copied from another post fresh ids, and leaves that post as it was', async () => {
    const original = await createPost('Originale', { references: [SOURCE], faq: [QUESTION] })
    const copied = await createPost('Copia', {
      references: original.references,
      faq: original.faq,
    })

    const copy = await stored(copied.id)
    expect(copy.references).toEqual([expect.objectContaining(SOURCE)])
    expect(copy.faq).toEqual([expect.objectContaining(QUESTION)])
    expect(rowIds(copy.references)[0]).not.toBe(rowIds(original.references)[0])
    expect(rowIds(copy.faq)[0]).not.toBe(rowIds(original.faq)[0])

    const untouched = await stored(original.id)
    expect(rowIds(untouched.references)).toEqual(rowIds(original.references))
    expect(untouched.faq).toEqual(original.faq)
  })

  it('keeps a post’s own row ids when it is saved again, and renumbers a row sent twice', async () => {
    const post = await createPost('Righe proprie', { faq: [QUESTION] })
    const [own] = post.faq ?? []
    const twice = { ...QUESTION, question: 'Serve il gesso?', id: own?.id }
    const updated = await ctx.payload.update({
      ...QUIET,
      collection: 'posts',
      id: post.id,
      draft: true,
      data: { faq: [own!, twice] },
    })
    const ids = rowIds(updated.faq)
    expect(ids[0]).toBe(own?.id)
    expect(ids[1]).toEqual(expect.any(String))
    expect(ids[1]).not.toBe(own?.id)
    expect((await stored(post.id)).faq?.map((row) => row.question)).toEqual([
      QUESTION.question,
      'Serve il gesso?',
    ])
  })

  it('answers 201 over REST, not a database error, for a post copied with its row ids', async () => {
    const original = await createPost('Originale REST', { references: [SOURCE] })
    const { status, body } = await ctx.rest('POST', '/posts?draft=true', {
      token: ctx.team.tokens.editor,
      json: {
        title: 'Copia REST',
        content,
        _status: 'draft',
        references: original.references,
      },
    })
    expect(status).toBe(201)
    const doc = body.doc as Post
    expect(doc.references).toEqual([expect.objectContaining(SOURCE)])
    expect(rowIds(doc.references)[0]).not.toBe(rowIds(original.references)[0])
  })

  it('renumbers a repeated row of the Clinic global’s opening hours', async () => {
    const row = { id: '6b0d96cd12509a7e9bab000c', days: 'Lunedì–Venerdì', hours: '9–18' }
    const clinic = await ctx.payload.updateGlobal({
      ...QUIET,
      slug: 'clinic',
      data: {
        name: 'Clinica Prova',
        openingHours: [row, { ...row, days: 'Sabato', hours: '9–12' }],
      },
    })
    const ids = rowIds(clinic.openingHours)
    expect(ids).toHaveLength(2)
    expect(ids[0]).toBe(row.id)
    expect(new Set(ids).size).toBe(2)
  })
})

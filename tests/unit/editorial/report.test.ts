import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { editorialReport } from '@/lib/editorial'
import { articleBlocksToLexical, parsePlainTextArticle } from '@/lib/text-import'

const now = new Date('2026-03-15T11:00:00Z')

describe('editorialReport on the seeded article', () => {
  const raw = readFileSync(
    join(process.cwd(), 'seed/content/intervento-mini-invasivo-alluce-valgo.txt'),
    'utf8',
  )
  const article = parsePlainTextArticle(raw)
  const report = editorialReport(
    {
      title: article.title,
      slug: 'intervento-mini-invasivo-alluce-valgo',
      metaTitle: 'Intervento mini invasivo alluce valgo: cos’è e vantaggi',
      metaDescription:
        'Cos’è l’intervento mini invasivo alluce valgo, come si svolge e quali vantaggi offre: piccole incisioni e ritorno rapido al carico.',
      focusKeyphrase: 'intervento mini invasivo alluce valgo',
      content: articleBlocksToLexical(article.blocks),
      lastReviewedAt: '2025-06-01',
    },
    now,
  )

  it('computes a Gulpease score between 0 and 100', () => {
    expect(report.gulpease).not.toBeNull()
    expect(report.gulpease?.score).toBeGreaterThanOrEqual(0)
    expect(report.gulpease?.score).toBeLessThanOrEqual(100)
    expect(report.gulpease?.score).toBe(47)
    expect(report.gulpease?.band).toBe('superiore')
  })

  it('finds no forbidden claims: "senza dubbio", "la più invasiva" and "minore dolore" are not claims', () => {
    expect(report.claims).toEqual([])
  })

  it('reports text statistics and review status', () => {
    expect(report.words).toBeGreaterThan(250)
    expect(report.readingMinutes).toBe(2)
    expect(report.averageSentenceLength).toBeGreaterThan(10)
    expect(report.review).toEqual({ expired: false, label: 'valida fino al 1 giugno 2026' })
  })

  it('passes the SEO checks that the seeded text satisfies', () => {
    const failing = report.seo.filter((c) => !c.ok).map((c) => c.id)
    expect(failing).toEqual([])
  })
})

describe('editorialReport on an empty post', () => {
  it('returns null readability, no claims and an expired review', () => {
    const report = editorialReport({ title: '', content: null })
    expect(report).toMatchObject({
      words: 0,
      sentences: 0,
      readingMinutes: 0,
      averageSentenceLength: 0,
      gulpease: null,
      claims: [],
      review: { expired: true, label: 'scaduta' },
    })
  })
})

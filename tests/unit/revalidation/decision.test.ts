import { describe, expect, it } from '@jest/globals'

import {
  authorTags,
  categoryTags,
  pageTags,
  postTags,
  publicVersions,
  savesOnlyAVersion,
  unresolvedRelations,
  uniqueTags,
  uploadsIn,
  type PostRelations,
  type RelationSlugs,
  type Write,
} from '@/lib/revalidation/decision'

type Post = PostRelations & { _status: 'draft' | 'published' }

// Relationship values as hooks see them: ids (depth 0) or populated documents.
const slugs: RelationSlugs = {
  categories: new Map([
    ['cat-alluce', 'alluce-valgo'],
    ['cat-chirurgia', 'chirurgia-del-piede'],
  ]),
  authors: new Map([
    ['aut-ferri', 'marco-ferri'],
    ['aut-neri', 'giulia-neri'],
  ]),
}

const post = (overrides: Partial<Post> = {}): Post => ({
  _status: 'published',
  slug: 'alluce-valgo-intervento',
  categories: ['cat-alluce'],
  author: 'aut-ferri',
  reviewedBy: { id: 'aut-neri', slug: 'giulia-neri' },
  ...overrides,
})
const draft = (overrides: Partial<Post> = {}) => post({ _status: 'draft', ...overrides })

/** What the hooks revalidate for a write to a post. */
const tagsFor = (write: Write<Post>) =>
  uniqueTags(publicVersions(write, { drafts: true }).flatMap((p) => postTags(p, slugs)))

const PUBLISHED_TAGS = [
  'author:giulia-neri',
  'author:marco-ferri',
  'category:alluce-valgo',
  'post:alluce-valgo-intervento',
  'posts',
]

type OperationArgs = { draft?: boolean; data?: Record<string, unknown> }

describe('savesOnlyAVersion (the draft flag of the operation, as Payload applies it)', () => {
  it.each<[string, string, OperationArgs, boolean]>([
    ['an autosave', 'update', { draft: true, data: { title: 'x' } }, true],
    ['a draft save', 'update', { draft: true, data: { _status: 'draft' } }, true],
    ['a publish sent with draft', 'update', { draft: true, data: { _status: 'published' } }, false],
    ['a publish', 'update', { data: { _status: 'published' } }, false],
    ['an unpublish', 'update', { data: { _status: 'draft' } }, false],
    ['a save without status', 'update', { data: { title: 'x' } }, false],
    ['a version restored as draft', 'restoreVersion', { draft: true }, true],
    ['a version restored', 'restoreVersion', {}, false],
    ['a create as draft', 'create', { draft: true, data: { _status: 'draft' } }, false],
  ])('%s → %s', (_name, operation, args, expected) => {
    expect(savesOnlyAVersion(operation, args)).toBe(expected)
  })
})

describe('which tags a write to a post revalidates', () => {
  it('nothing for an autosave or a draft save of a published post (a new draft on top)', () => {
    // Payload hands the hooks the published version before and the draft after: only the
    // draft flag tells that the live article did not change.
    expect(tagsFor({ versionOnly: true, before: post(), after: draft() })).toEqual([])
  })

  it('nothing for a draft save or autosave of a never-published post', () => {
    expect(tagsFor({ versionOnly: true, before: draft(), after: draft() })).toEqual([])
  })

  it('nothing for a post created as a draft, or a live write that keeps it unpublished', () => {
    expect(tagsFor({ versionOnly: false, before: null, after: draft() })).toEqual([])
    expect(tagsFor({ versionOnly: false, before: draft(), after: draft() })).toEqual([])
  })

  it('the article, the listings, its categories and authors when created published', () => {
    expect(tagsFor({ versionOnly: false, before: null, after: post() })).toEqual(PUBLISHED_TAGS)
  })

  it('the same when a draft is published', () => {
    expect(tagsFor({ versionOnly: false, before: draft(), after: post() })).toEqual(PUBLISHED_TAGS)
  })

  it('the same when a published post is saved again (not as a draft)', () => {
    expect(tagsFor({ versionOnly: false, before: post(), after: post() })).toEqual(PUBLISHED_TAGS)
  })

  it('the same when it is unpublished: it leaves every page it was on', () => {
    expect(tagsFor({ versionOnly: false, before: post(), after: draft() })).toEqual(PUBLISHED_TAGS)
  })

  it('the same when it is deleted, and nothing when a draft is deleted', () => {
    expect(tagsFor({ versionOnly: false, before: post(), after: null })).toEqual(PUBLISHED_TAGS)
    expect(tagsFor({ versionOnly: false, before: draft(), after: null })).toEqual([])
  })

  it('the old and the new slug when a published post is renamed', () => {
    expect(
      tagsFor({ versionOnly: false, before: post(), after: post({ slug: 'alluce-valgo-mini' }) }),
    ).toEqual(uniqueTags([...PUBLISHED_TAGS, 'post:alluce-valgo-mini']))
  })

  it('the categories and authors it leaves as well as those it joins', () => {
    const moved = post({
      categories: [{ id: 'cat-chirurgia', slug: 'chirurgia-del-piede' }],
      author: 'aut-neri',
      reviewedBy: null,
    })
    expect(tagsFor({ versionOnly: false, before: post(), after: moved })).toEqual(
      uniqueTags([...PUBLISHED_TAGS, 'category:chirurgia-del-piede']),
    )
  })

  it('skips relations whose slug is unknown (deleted meanwhile)', () => {
    expect(postTags(post({ categories: ['cat-gone'], author: null }), slugs)).toEqual([
      'post:alluce-valgo-intervento',
      'posts',
      'author:giulia-neri',
    ])
  })
})

describe('collections without drafts, pages', () => {
  it('every document of a collection without drafts is public', () => {
    const before = { slug: 'alluce-valgo' }
    const after = { slug: 'alluce-valgo-e-dita-a-martello' }
    expect(
      uniqueTags(
        publicVersions({ versionOnly: false, before, after }, { drafts: false }).flatMap(
          categoryTags,
        ),
      ),
    ).toEqual(['categories', 'category:alluce-valgo', 'category:alluce-valgo-e-dita-a-martello'])
    expect(authorTags({ slug: 'marco-ferri' })).toEqual(['author:marco-ferri', 'authors'])
  })

  it('a page has its own tag and the pages list', () => {
    expect(pageTags({ slug: 'privacy' })).toEqual(['page:privacy', 'pages'])
  })
})

describe('helpers', () => {
  it('lists the category and author ids whose slugs must be looked up, once each', () => {
    expect(
      unresolvedRelations([post(), post({ categories: ['cat-alluce', 'cat-chirurgia'] })]),
    ).toEqual({
      categories: ['cat-alluce', 'cat-chirurgia'],
      authors: ['aut-ferri'],
    })
  })

  it('finds every upload anywhere in a Lexical body, by id or populated, each once', () => {
    const body = (value: unknown) => ({
      root: {
        type: 'root',
        children: [
          { type: 'paragraph', children: [{ type: 'text', text: 'Testo' }] },
          {
            type: 'list',
            children: [
              { type: 'listitem', children: [{ type: 'upload', relationTo: 'media', value }] },
            ],
          },
        ],
      },
    })
    expect(uploadsIn(body('media-1'))).toEqual(['media-1'])
    expect(uploadsIn(body({ id: 'media-1', alt: 'x' }))).toEqual(['media-1'])
    expect(uploadsIn(body('media-2'))).toEqual(['media-2'])
    expect(uploadsIn(null)).toEqual([])
    const twice = body('media-1')
    twice.root.children.push(
      { type: 'upload', relationTo: 'media', value: 'media-3' } as never,
      { type: 'upload', relationTo: 'media', value: { id: 'media-1' } } as never,
      { type: 'upload', relationTo: 'other', value: 'x' } as never,
    )
    expect(uploadsIn(twice)).toEqual(['media-1', 'media-3'])
  })
})

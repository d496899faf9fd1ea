import { SearchEngine } from './engine'
import type { Mark, SearchSource } from './source'

/**
 * How often a full comparison of versions (id and `updatedAt` of every published post, no
 * text) runs in the background anyway: the safety net for a write the counts cannot see, such
 * as an edit whose `updatedAt` is older than the newest one (a transaction that committed late,
 * another server's clock).
 */
export const RECONCILE_MS = 5 * 60_000

export type SearchIndexOptions = { now?: () => number; reconcileMs?: number }

export type SearchIndex = {
  /** The index, brought up to date with the published posts first. */
  fresh: () => Promise<SearchEngine>
}

/**
 * A search index kept in step with the database. Each instance of the app keeps its own in
 * memory and, before every query, asks the database three counts (published posts; posts written
 * after, and at or after, the newest write it knows of), all answered from indexes. When one moved, it reads the
 * ids, statuses and `updatedAt` of the posts written since (no text), drops those no longer
 * published and re-reads only the changed published ones; a published post that disappeared
 * (deleted) shows in the count and is found by comparing versions. So every instance sees a
 * publish, an edit, an unpublish or a deletion made through any instance (or straight in the
 * database) at its next query, with or without Redis; a draft save, which leaves the live row
 * alone, costs nothing. The first query builds the index, in batches.
 */
export function createSearchIndex(
  source: SearchSource,
  { now = Date.now, reconcileMs = RECONCILE_MS }: SearchIndexOptions = {},
): SearchIndex {
  let engine: SearchEngine | undefined
  let mark: Mark = { latest: null, atLatest: 0 }
  let reconciledAt = 0
  let reconciling: Promise<void> | undefined

  async function load(target: SearchEngine, ids: readonly string[]) {
    if (ids.length === 0) return
    const found = new Set<string>()
    for await (const batch of source.byIds(ids)) {
      for (const doc of batch) {
        found.add(doc.id)
        target.upsert(doc)
      }
    }
    // Unpublished between the two reads.
    for (const id of ids) if (!found.has(id)) target.remove(id)
  }

  async function build(): Promise<SearchEngine> {
    const next = new SearchEngine()
    // Read before the posts: a write made while they load moves the counts, so the next query
    // picks it up.
    const seen = await source.mark()
    for await (const batch of source.all()) for (const doc of batch) next.upsert(doc)
    mark = seen
    reconciledAt = now()
    return next
  }

  async function reconcile(current: SearchEngine): Promise<void> {
    const versions = await source.versions()
    for (const id of [...current.ids()]) if (!versions.has(id)) current.remove(id)
    const stale = [...versions]
      .filter(([id, updatedAt]) => current.versionOf(id) !== updatedAt)
      .map(([id]) => id)
    await load(current, stale)
    reconciledAt = now()
  }

  async function refresh(): Promise<void> {
    if (!engine) {
      engine = await build()
      return
    }
    const current = engine
    const counts = await source.counts(mark.latest)
    if (
      counts.published !== current.size ||
      counts.newer > 0 ||
      counts.atOrAfter !== mark.atLatest
    ) {
      const seen = await source.mark()
      const rows = mark.latest === null ? [] : await source.changedSince(mark.latest)
      const changed: string[] = []
      for (const row of rows) {
        if (!row.published) current.remove(row.id)
        else if (current.versionOf(row.id) !== row.updatedAt) changed.push(row.id)
      }
      await load(current, changed)
      mark = seen
      // A post deleted, or added without a newer `updatedAt` (copied straight into the database).
      if (current.size !== counts.published || mark.latest === null) await reconcile(current)
    } else if (now() - reconciledAt >= reconcileMs && !reconciling) {
      // In the background: this query is answered now, the comparison lands when it is done.
      reconciling = reconcile(current)
        .catch(() => undefined)
        .finally(() => {
          reconciling = undefined
        })
    }
  }

  // One refresh at a time. A query arriving while one runs waits for the NEXT one (shared by
  // every query that arrived meanwhile): the running one may have read before its change.
  let running: Promise<void> | undefined
  let queued: Promise<void> | undefined
  function sync(): Promise<void> {
    if (!running) {
      running = refresh().finally(() => {
        running = undefined
      })
      return running
    }
    queued ??= running
      .catch(() => undefined)
      .then(() => {
        queued = undefined
        return sync()
      })
    return queued
  }

  return {
    fresh: async () => {
      await sync()
      if (!engine) throw new Error('search index not built')
      return engine
    },
  }
}

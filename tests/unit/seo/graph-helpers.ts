import { expect } from '@jest/globals'
import type { Thing } from 'schema-dts'

import { serializeJsonLd } from '@/lib/seo/json-ld'
import { undefinedPaths } from './fixtures'

export type Node = Record<string, unknown> & { '@type': string | string[]; '@id'?: string }

/** The graph as a consumer sees it: what `serializeJsonLd` writes, parsed back. */
export const parse = (nodes: Thing[]): Node[] => JSON.parse(serializeJsonLd(nodes))['@graph']

export const byType = (nodes: Node[], type: string) =>
  nodes.filter((node) => node['@type'] === type)
export const single = (nodes: Node[], type: string): Node => {
  const found = byType(nodes, type)
  expect(found).toHaveLength(1)
  return found[0] as Node
}
export const byId = (nodes: Node[], id: unknown) => nodes.find((node) => node['@id'] === id)

/** Every `@id` that appears below a top-level node, i.e. each reference the graph makes. */
function references(value: unknown, top = true): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => references(item, false))
  if (!value || typeof value !== 'object') return []
  const own = !top && typeof (value as Node)['@id'] === 'string' ? [(value as Node)['@id']!] : []
  return [...own, ...Object.values(value).flatMap((item) => references(item, false))]
}

export function expectConnected(nodes: Node[]) {
  const ids = nodes.map((node) => node['@id'])
  expect(new Set(ids).size).toBe(ids.length)
  const edges = nodes.map((node) => references(node))
  for (const id of edges.flat()) expect(ids).toContain(id)
  // No island: following references in either direction reaches every node from the first.
  const reached = new Set([ids[0]])
  for (let grew = true; grew;) {
    grew = false
    nodes.forEach((node, i) => {
      const linked = [node['@id'], ...(edges[i] ?? [])]
      if (linked.some((id) => reached.has(id)) && linked.some((id) => !reached.has(id))) {
        linked.forEach((id) => reached.add(id))
        grew = true
      }
    })
  }
  expect([...reached].sort()).toEqual([...ids].sort())
  expect(undefinedPaths(nodes)).toEqual([])
}

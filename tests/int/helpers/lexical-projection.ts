/**
 * What an editor sees of imported rich text: block types, heading tags, list items, links and
 * text with its bold/italic bits. Adjacent text with the same format is merged, so two
 * converters that split runs differently still compare equal.
 */
export type Inline = { text: string; format: number } | { link: string; children: Inline[] }
export type Block =
  | { heading: string; children: Inline[] }
  | { paragraph: Inline[] }
  | { list: string; items: Inline[][] }
  | { quote: Inline[] }
  | { rule: true }

type Node = { type: string; [key: string]: unknown }

const kids = (node: Node): Node[] => (Array.isArray(node.children) ? (node.children as Node[]) : [])

function inline(nodes: Node[]): Inline[] {
  const out: Inline[] = []
  for (const node of nodes) {
    if (node.type === 'link') {
      const url = (node.fields as { url?: string } | undefined)?.url ?? ''
      out.push({ link: url, children: inline(kids(node)) })
      continue
    }
    const text = node.type === 'text' ? String(node.text) : node.type === 'linebreak' ? '\n' : ''
    const format = node.type === 'text' ? Number(node.format) : 0
    const last = out.at(-1)
    if (last && 'text' in last && last.format === format) last.text += text
    else out.push({ text, format })
  }
  return out
}

export function projectBlocks(state: { root: { children: unknown[] } }): Block[] {
  return (state.root.children as Node[]).map((node): Block => {
    switch (node.type) {
      case 'heading':
        return { heading: String(node.tag), children: inline(kids(node)) }
      case 'list':
        return { list: String(node.listType), items: kids(node).map((item) => inline(kids(item))) }
      case 'quote':
        return { quote: inline(kids(node)) }
      case 'horizontalrule':
        return { rule: true }
      default:
        return { paragraph: inline(kids(node)) }
    }
  })
}

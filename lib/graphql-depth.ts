import {
  GraphQLError,
  Kind,
  type ASTNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql'

/** Deeper than any query the admin or a sensible client needs (posts → author → photo → sizes). */
export const GRAPHQL_MAX_DEPTH = 8

/** A GraphQL validation rule refusing selections nested deeper than `max` levels. */
export function depthLimit(max: number): ValidationRule {
  return (context: ValidationContext) => {
    const fragments = new Map(
      context
        .getDocument()
        .definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)
        .map((d) => [d.name.value, d]),
    )
    const depthOf = (node: ASTNode, depth: number, seen: Set<string>): number => {
      if (node.kind === Kind.FRAGMENT_SPREAD) {
        const name = node.name.value
        const fragment = fragments.get(name)
        if (!fragment || seen.has(name)) return depth
        return depthOf(fragment, depth, new Set([...seen, name]))
      }
      if (!('selectionSet' in node) || !node.selectionSet) return depth
      const next = node.kind === Kind.FIELD ? depth + 1 : depth
      return Math.max(next, ...node.selectionSet.selections.map((s) => depthOf(s, next, seen)))
    }
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation, 0, new Set())
        if (depth > max) {
          context.reportError(
            new GraphQLError(`La query è troppo annidata: profondità ${depth}, massimo ${max}.`, {
              nodes: [operation],
            }),
          )
        }
      },
    }
  }
}

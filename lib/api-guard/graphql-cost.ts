import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type ExecutionArgs,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
} from 'graphql'

import { DEFAULT_LIMIT, GRAPHQL_LIST_SIZE, MAX_LIMIT, MAX_PAGE } from './limits'

/**
 * A GraphQL validation rule bounding what one request can make the server read. Payload's own
 * complexity counts each field once, so fifty aliases of `Posts(limit: 100) { docs { … } }`
 * passed. Here every field costs 1, and a field's selection counts as many times as it can
 * repeat: a list query (a field with a `limit` argument) multiplies its selection by that limit
 * (Payload's default 10 when absent), any other list (hasMany relationships, arrays) by
 * GRAPHQL_LIST_SIZE; each alias is a field of its own. `limit` must be 1…MAX_LIMIT, `page`
 * 1…MAX_PAGE, and `pagination: false` (no limit at all) is refused.
 */
export function costLimit(max: number, variables: ExecutionArgs['variableValues']): ValidationRule {
  return (context: ValidationContext) => {
    const schema = context.getSchema()
    const fragments = new Map(
      context
        .getDocument()
        .definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
        .map((d) => [d.name.value, d]),
    )
    let operation: OperationDefinitionNode | undefined

    const report = (message: string, node: FieldNode) =>
      context.reportError(new GraphQLError(message, { nodes: [node] }))

    /** An integer argument's value: a literal, or a variable (its value, else its default). */
    const integerArgument = (node: FieldNode, name: string): number | null | undefined => {
      const argument = node.arguments?.find((a) => a.name.value === name)
      if (!argument) return undefined
      let value: ValueNode | undefined = argument.value
      if (value.kind === Kind.VARIABLE) {
        const variable = value.name.value
        if (variables && variable in variables) {
          const given = variables[variable]
          return typeof given === 'number' ? given : given == null ? undefined : Number.NaN
        }
        value = operation?.variableDefinitions?.find(
          (d) => d.variable.name.value === variable,
        )?.defaultValue
        if (!value) return undefined
      }
      if (value.kind === Kind.NULL) return undefined
      return value.kind === Kind.INT ? Number(value.value) : Number.NaN
    }

    const inRange = (value: number, min: number, maxValue: number) =>
      Number.isInteger(value) && value >= min && value <= maxValue

    /** How many times a list query's selection may repeat; reports out-of-range arguments. */
    const limitOf = (node: FieldNode): number => {
      const pagination = node.arguments?.find((a) => a.name.value === 'pagination')
      if (pagination && !(pagination.value.kind === Kind.BOOLEAN && pagination.value.value)) {
        report(
          `"pagination" non è ammesso: gli elenchi sono sempre paginati (al massimo ${MAX_LIMIT}).`,
          node,
        )
      }
      const page = integerArgument(node, 'page')
      if (page !== undefined && (page === null || !inRange(page, 1, MAX_PAGE))) {
        report(`"page" deve essere un intero tra 1 e ${MAX_PAGE}.`, node)
      }
      const limit = integerArgument(node, 'limit')
      if (limit === undefined || limit === null) return DEFAULT_LIMIT
      if (!inRange(limit, 1, MAX_LIMIT)) {
        report(`"limit" deve essere un intero tra 1 e ${MAX_LIMIT}.`, node)
        return MAX_LIMIT
      }
      return limit
    }

    const fieldsOf = (type: GraphQLNamedType | undefined) =>
      type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields() : undefined

    const costOf = (
      selectionSet: SelectionSetNode,
      parentType: GraphQLNamedType | undefined,
      /** The parent is a list query: its `docs` list is already counted by its limit. */
      parentIsLimited: boolean,
      seen: ReadonlySet<string>,
    ): number => {
      let total = 0
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.INLINE_FRAGMENT) {
          const type = selection.typeCondition
            ? schema.getType(selection.typeCondition.name.value)
            : parentType
          total += costOf(selection.selectionSet, type ?? undefined, parentIsLimited, seen)
        } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
          const name = selection.name.value
          const fragment = fragments.get(name)
          if (!fragment || seen.has(name)) continue
          const type = schema.getType(fragment.typeCondition.name.value) ?? undefined
          total += costOf(fragment.selectionSet, type, parentIsLimited, new Set([...seen, name]))
        } else {
          total += 1
          if (!selection.selectionSet) continue
          const definition = fieldsOf(parentType)?.[selection.name.value]
          const isListQuery = Boolean(definition?.args.some((a) => a.name === 'limit'))
          const isList = definition ? isListType(getNullableType(definition.type)) : false
          const times = isListQuery
            ? limitOf(selection)
            : isList && !parentIsLimited
              ? GRAPHQL_LIST_SIZE
              : 1
          const type = definition ? getNamedType(definition.type) : undefined
          total += times * costOf(selection.selectionSet, type, isListQuery, seen)
        }
      }
      return total
    }

    return {
      OperationDefinition(node) {
        operation = node
        const root =
          node.operation === 'query'
            ? schema.getQueryType()
            : node.operation === 'mutation'
              ? schema.getMutationType()
              : schema.getSubscriptionType()
        const cost = costOf(node.selectionSet, root ?? undefined, false, new Set())
        if (cost > max) {
          context.reportError(
            new GraphQLError(
              `La query è troppo costosa: costo ${cost}, massimo ${max}. Riduci "limit", gli alias o i campi richiesti.`,
              { nodes: [node] },
            ),
          )
        }
      },
    }
  }
}

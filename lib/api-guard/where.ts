import type { PayloadRequest } from 'payload'

import { badRequest } from './errors'
import { readableBy, resolvePath, type Leaf, type Scope } from './fields'
import { MAX_SORT_FIELDS, MAX_WHERE_CONDITIONS, MAX_WHERE_NESTING } from './limits'

/**
 * `where` and `sort` as a client sends them, checked before any database sees them: known,
 * readable fields only; operators the field's type supports on both engines; values of the
 * right kind (a parseable date for a date, no objects smuggled in as values).
 */

type ValueKind = 'text' | 'number' | 'date' | 'boolean' | 'docId' | 'id' | 'rich' | 'point' | 'none'

const COMPARE = ['greater_than', 'greater_than_equal', 'less_than', 'less_than_equal'] as const
const EQUALITY = ['equals', 'not_equals', 'in', 'not_in', 'exists'] as const

/**
 * What each kind of field can be asked. Never `all`: the SQLite adapter has no such operator
 * (500 even on hasMany fields), so it would work on one engine only.
 */
const OPERATORS: Record<ValueKind, readonly string[]> = {
  text: [...EQUALITY, ...COMPARE, 'like', 'not_like', 'contains'],
  number: [...EQUALITY, ...COMPARE],
  date: [...EQUALITY, ...COMPARE],
  boolean: ['equals', 'not_equals', 'exists'],
  // The admin searches collections without a title field by `id like …`.
  docId: [...EQUALITY, 'like'],
  id: EQUALITY,
  rich: ['equals', 'not_equals', 'like', 'not_like', 'contains', 'exists'],
  point: [...EQUALITY, 'near', 'within', 'intersects'],
  none: [],
}

type Described = { kind: ValueKind; many: boolean }

function describe(leaf: Leaf): Described {
  if (leaf.kind === 'id') return { kind: 'docId', many: false }
  if (leaf.kind === 'text') return { kind: 'text', many: false }
  const { field } = leaf
  const many = 'hasMany' in field && field.hasMany === true
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'code':
    case 'select':
    case 'radio':
      return { kind: 'text', many }
    case 'number':
      return { kind: 'number', many }
    case 'date':
      return { kind: 'date', many: false }
    case 'checkbox':
      return { kind: 'boolean', many: false }
    case 'relationship':
    case 'upload':
      return { kind: 'id', many }
    case 'richText':
    case 'json':
      return { kind: 'rich', many: false }
    case 'point':
      return { kind: 'point', many: false }
    default:
      // Groups, arrays, blocks, joins: not a value to compare.
      return { kind: 'none', many: false }
  }
}

const ISO_DATE =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/

const isScalar = (value: unknown) =>
  value === null || ['string', 'number', 'boolean'].includes(typeof value) || value instanceof Date

function validScalar(kind: ValueKind, value: unknown): boolean {
  if (!isScalar(value)) return false
  switch (kind) {
    case 'date':
      if (value instanceof Date) return !Number.isNaN(value.getTime())
      return typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value))
    case 'number':
      return (
        (typeof value === 'number' && Number.isFinite(value)) ||
        (typeof value === 'string' && /^-?\d{1,15}(?:\.\d{1,15})?$/.test(value))
      )
    default:
      return true
  }
}

const MAX_LIST_VALUES = 1000

/** Why this operator and value are refused on this field, or null when they are fine. */
function operandProblem(described: Described, operator: string, value: unknown): string | null {
  const { kind } = described
  if (!OPERATORS[kind].includes(operator))
    return `l'operatore "${operator}" non si applica a questo campo`
  if (operator === 'exists') {
    return [true, false, 'true', 'false'].includes(value as string)
      ? null
      : 'exists vuole true o false'
  }
  if (operator === 'in' || operator === 'not_in') {
    const list = Array.isArray(value)
      ? value
      : typeof value === 'string'
        ? value.split(',')
        : [value]
    if (list.length > MAX_LIST_VALUES) return `al massimo ${MAX_LIST_VALUES} valori`
    return list.every((item) => validScalar(kind, item)) ? null : 'valore non valido'
  }
  if (operator === 'like' || operator === 'not_like' || operator === 'contains') {
    return typeof value === 'string' ? null : 'serve un testo'
  }
  if (!validScalar(kind, value)) {
    return kind === 'date' ? 'serve una data valida (AAAA-MM-GG o ISO 8601)' : 'valore non valido'
  }
  return null
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)

/** qs turns `where[or][0]` into an array, and indexes past its array limit into an object. */
function branches(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value
  if (isPlainObject(value) && Object.keys(value).every((key) => /^\d+$/.test(key))) {
    return Object.values(value)
  }
  return null
}

/** Throws a 400 naming the first problem of a `where`. */
export async function checkWhere(req: PayloadRequest, scope: Scope, where: unknown): Promise<void> {
  let conditions = 0
  const visit = async (node: unknown, nesting: number): Promise<void> => {
    if (!isPlainObject(node)) throw badRequest('Parametro "where" non valido: atteso un oggetto.')
    for (const [key, constraint] of Object.entries(node)) {
      if (key.toLowerCase() === 'and' || key.toLowerCase() === 'or') {
        const items = branches(constraint)
        if (!items) throw badRequest(`Parametro "where" non valido: "${key}" vuole un elenco.`)
        if (nesting >= MAX_WHERE_NESTING) {
          throw badRequest(
            `Parametro "where" troppo annidato: al massimo ${MAX_WHERE_NESTING} livelli.`,
          )
        }
        for (const item of items) await visit(item, nesting + 1)
        continue
      }
      const resolved = resolvePath(req, scope, key)
      if (!resolved || !(await readableBy(req, resolved, 'where'))) {
        throw badRequest(`Non si può filtrare su "${key}": campo sconosciuto o non leggibile.`)
      }
      if (!isPlainObject(constraint) || Object.keys(constraint).length === 0) {
        throw badRequest(`Filtro su "${key}" non valido: atteso { operatore: valore }.`)
      }
      const described = describe(resolved.leaf)
      for (const [operator, value] of Object.entries(constraint)) {
        conditions += 1
        if (conditions > MAX_WHERE_CONDITIONS) {
          throw badRequest(
            `Parametro "where" troppo lungo: al massimo ${MAX_WHERE_CONDITIONS} condizioni.`,
          )
        }
        const problem = operandProblem(described, operator, value)
        if (problem) throw badRequest(`Filtro "${key}" [${operator}] non valido: ${problem}.`)
      }
    }
  }
  await visit(where, 0)
}

const SORTABLE: ReadonlySet<ValueKind> = new Set([
  'text',
  'number',
  'date',
  'boolean',
  'docId',
  'id',
])

/** Throws a 400 unless every sort field is known, readable and holds one sortable value. */
export async function checkSort(req: PayloadRequest, scope: Scope, sort: unknown): Promise<void> {
  const list = typeof sort === 'string' ? sort.split(',') : Array.isArray(sort) ? sort : null
  if (!list || list.some((item) => typeof item !== 'string')) {
    throw badRequest('Parametro "sort" non valido: atteso un elenco di campi.')
  }
  if (list.length > MAX_SORT_FIELDS) {
    throw badRequest(`Parametro "sort" non valido: al massimo ${MAX_SORT_FIELDS} campi.`)
  }
  for (const item of list as string[]) {
    const path = item.trim().replace(/^[-+]/, '')
    const resolved = path ? resolvePath(req, scope, path) : null
    const described = resolved ? describe(resolved.leaf) : null
    const sortable = described && !described.many && SORTABLE.has(described.kind)
    if (!resolved || !sortable || !(await readableBy(req, resolved, 'sort'))) {
      throw badRequest(`Non si può ordinare per "${item}": campo sconosciuto o non leggibile.`)
    }
  }
}

import type { Field } from 'payload'

import { notReviewer } from '@/access/roles'

/**
 * Reviewers may open every post but change only the fields named in `editable` (the medical
 * review): every other data field gets `access.update: notReviewer`, walking rows, tabs and
 * collapsibles. Fields with their own update access keep it.
 */
export function lockForReviewers(fields: Field[], editable: readonly string[]): Field[] {
  return fields.map((field): Field => {
    if (field.type === 'tabs') {
      return {
        ...field,
        tabs: field.tabs.map((tab) =>
          'name' in tab && tab.name
            ? { ...tab, access: { ...tab.access, update: tab.access?.update ?? notReviewer } }
            : { ...tab, fields: lockForReviewers(tab.fields, editable) },
        ),
      } as Field
    }
    if (field.type === 'row' || field.type === 'collapsible') {
      return { ...field, fields: lockForReviewers(field.fields, editable) } as Field
    }
    if (!('name' in field) || editable.includes(field.name) || field.type === 'ui') return field
    if (field.access?.update) return field
    return { ...field, access: { ...field.access, update: notReviewer } } as Field
  })
}

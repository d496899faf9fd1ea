import type { Config, Field } from 'payload'

/**
 * Rewrites every field of a field list, at any depth (arrays, groups, rows, collapsibles, tabs,
 * blocks): `visit` sees each field after its children were rewritten, and returns the field to
 * keep in its place.
 */
export function mapFields(fields: Field[], visit: (field: Field) => Field): Field[] {
  return fields.map((field): Field => {
    switch (field.type) {
      case 'array':
      case 'collapsible':
      case 'group':
      case 'row':
        return visit({ ...field, fields: mapFields(field.fields, visit) } as Field)
      case 'tabs':
        return visit({
          ...field,
          tabs: field.tabs.map((tab) => ({ ...tab, fields: mapFields(tab.fields, visit) })),
        })
      case 'blocks':
        return visit({
          ...field,
          blocks: field.blocks.map((block) =>
            typeof block === 'string'
              ? block
              : { ...block, fields: mapFields(block.fields, visit) },
          ),
        })
      default:
        return visit(field)
    }
  })
}

/** `mapFields` over every collection and global of a config (a plugin's body). */
export const mapConfigFields = (config: Config, visit: (field: Field) => Field): Config => ({
  ...config,
  collections: config.collections?.map((collection) => ({
    ...collection,
    fields: mapFields(collection.fields, visit),
  })),
  globals: config.globals?.map((global) => ({
    ...global,
    fields: mapFields(global.fields, visit),
  })),
})

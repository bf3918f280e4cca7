import { CxValidationError, type FieldProblem, type ImportEntity, type ImportField } from '@cxkit/core'

/** Where one column of the file goes: a field of the entity, or an attribute. */
export interface ColumnPlan {
  readonly column: string
  /** 1 for the file's first column. */
  readonly position: number
  readonly field?: ImportField
  readonly attribute?: string
}

/** What a column may map to: a field name, `attr.<key>`, or null to leave it out. */
export type ColumnMapping = Readonly<Record<string, string | null>>

const attributePrefix = 'attr.'
const attributeKey = /^[\p{L}\p{N}_][\p{L}\p{N}_ .-]{0,99}$/u

/**
 * Checks a mapping against the file's columns and the entity's fields before any row is read: every
 * mapped column must be in the file, every target a field of the entity (or `attr.<key>` when it
 * takes attributes) mapped from one column only, and every required field mapped. Throws a
 * {@link CxValidationError} whose fields are `mapping.<column>` (or `mapping` for a missing field),
 * listing the file's columns and the entity's fields.
 *
 * @example
 * resolveMapping(customersEntity, ['E-mail'], { 'E-mail': 'email' }) // [{ column: 'E-mail', position: 1, field }]
 */
export function resolveMapping(entity: ImportEntity, columns: readonly string[], mapping: ColumnMapping): ColumnPlan[] {
  const problems: FieldProblem[] = []
  const fieldList = `${entity.fields.map((field) => field.name).join(', ')}${entity.acceptsAttributes ? ', attr.<key>' : ''}`
  const plans: ColumnPlan[] = []
  const mappedFrom = new Map<string, string>()
  for (const [column, target] of Object.entries(mapping)) {
    if (target === null || target === '') continue
    const position = columns.indexOf(column) + 1
    const problem = (message: string) => problems.push({ field: `mapping.${column}`, code: 'invalid_mapping', message })
    if (position === 0) {
      problem(`the file has no column '${column}' (columns: ${columns.join(', ')})`)
      continue
    }
    const other = mappedFrom.get(target)
    if (other !== undefined) {
      problem(`'${target}' is already mapped from column '${other}'`)
      continue
    }
    if (target.startsWith(attributePrefix)) {
      const key = target.slice(attributePrefix.length)
      if (!entity.acceptsAttributes) problem(`${entity.entity} take no attributes (fields: ${fieldList})`)
      else if (!attributeKey.test(key)) problem(`'${key}' is not an attribute name (letters, digits, _ . - and space)`)
      else {
        mappedFrom.set(target, column)
        plans.push({ column, position, attribute: key })
      }
      continue
    }
    const field = entity.fields.find((candidate) => candidate.name === target)
    if (!field) {
      problem(`'${target}' is not a field of ${entity.entity} (fields: ${fieldList})`)
      continue
    }
    mappedFrom.set(target, column)
    plans.push({ column, position, field })
  }
  for (const field of entity.fields) {
    if (field.required && !mappedFrom.has(field.name)) {
      problems.push({
        field: 'mapping',
        code: 'required_field_unmapped',
        message: `no column is mapped to the required field '${field.name}' (columns: ${columns.join(', ')}; fields: ${fieldList})`,
      })
    }
  }
  const oneOf = entity.requiresOneOf ?? []
  if (oneOf.length > 0 && !oneOf.some((field) => mappedFrom.has(field))) {
    problems.push({
      field: 'mapping',
      code: 'required_field_unmapped',
      message: `map a column to one of ${oneOf.join(', ')} (columns: ${columns.join(', ')}; fields: ${fieldList})`,
    })
  }
  if (problems.length > 0) throw new CxValidationError(problems)
  return plans.sort((a, b) => a.position - b.position)
}

/**
 * The mapping used when none is given: each column named like a field (ignoring case, spaces and
 * dashes versus underscores) maps to it, and `attr.<key>` columns to their attribute.
 *
 * @example
 * defaultMapping(customersEntity, ['Email', 'attr.tier']) // { Email: 'email', 'attr.tier': 'attr.tier' }
 */
export function defaultMapping(entity: ImportEntity, columns: readonly string[]): Record<string, string | null> {
  const normal = (name: string) =>
    name
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_')
  const mapping: Record<string, string | null> = {}
  for (const column of columns) {
    const field = entity.fields.find((candidate) => normal(candidate.name) === normal(column))
    if (field) mapping[column] = field.name
    else if (entity.acceptsAttributes && column.startsWith(attributePrefix)) mapping[column] = column
  }
  return mapping
}

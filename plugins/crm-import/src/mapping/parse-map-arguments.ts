import { CxValidationError, type FieldProblem, type ImportField } from '@cxkit/core'
import type { ColumnMapping } from './suggest-mapping.js'

/**
 * The CLI's repeated `--map column=field` as a mapping. `column=` (nothing after `=`) leaves the
 * column out; `attr.<key>` needs an entity that keeps attributes. Column names may hold `=`: the last
 * one splits. Every bad argument is named in one error.
 *
 * @example
 * parseMapArguments(['Klantnr=external_id', 'Notities=attr.notes', 'Intern='], customersEntity.fields, true)
 * // { Klantnr: 'external_id', Notities: 'attr.notes', Intern: null }
 */
export function parseMapArguments(
  args: readonly string[],
  fields: readonly ImportField[],
  acceptsAttributes: boolean,
): ColumnMapping {
  const known = new Set(fields.map((field) => field.name))
  const mapping: ColumnMapping = {}
  const problems: FieldProblem[] = []
  for (const [index, arg] of args.entries()) {
    const parsed = parseMapArgument(arg, known, acceptsAttributes)
    if (typeof parsed === 'string') {
      problems.push({ field: `--map[${index}]`, message: `${JSON.stringify(arg)}: ${parsed}`, code: 'invalid_map' })
    } else if (parsed.column in mapping) {
      const message = `${JSON.stringify(arg)}: column ${JSON.stringify(parsed.column)} is mapped twice`
      problems.push({ field: `--map[${index}]`, message, code: 'invalid_map' })
    } else {
      mapping[parsed.column] = parsed.target
    }
  }
  if (problems.length > 0) throw new CxValidationError(problems)
  return mapping
}

/** One `column=field` argument, or what is wrong with it. */
function parseMapArgument(
  arg: string,
  known: ReadonlySet<string>,
  acceptsAttributes: boolean,
): { column: string; target: string | null } | string {
  const split = arg.lastIndexOf('=')
  const column = split === -1 ? '' : arg.slice(0, split).trim()
  const target = arg.slice(split + 1).trim()
  if (split === -1 || column === '') return 'is not column=field'
  if (target === '') return { column, target: null }
  if (target.startsWith('attr.')) {
    if (!acceptsAttributes) return 'this entity keeps no attributes'
    if (target.length === 'attr.'.length) return 'attr. needs a key, as in attr.city'
    return { column, target }
  }
  if (!known.has(target)) return `unknown field ${JSON.stringify(target)}; the fields are ${[...known].join(', ')}`
  return { column, target }
}

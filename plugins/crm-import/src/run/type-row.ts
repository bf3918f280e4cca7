import type { ImportEntity, SourceRow } from '@cxkit/core'
import { type CellOptions, inferAttribute, isCellProblem, typeCell } from '../cells/index.js'
import type { ImportProblem } from './import-report.js'
import type { ColumnPlan } from './resolve-mapping.js'

type Scalar = string | number | boolean

/** A row checked by its entity's schema: the entity's row, or the problems that keep it out. */
export type TypedRow<Row> = { ok: true; row: Row } | { ok: false; problems: ImportProblem[] }

/**
 * Turns one source row into its entity's row: each mapped cell typed (blank cells left out), then the
 * whole checked by the entity's `rowSchema` (or its quicker `acceptRow`, when that is sure). Problems name the line and the column (name and
 * position) a schema issue's path points at: a field's column, or an attribute's.
 */
export function typeRow<Row>(
  entity: ImportEntity<Row>,
  plans: readonly ColumnPlan[],
  source: SourceRow,
  options: CellOptions,
): TypedRow<Row> {
  const problems: ImportProblem[] = []
  const fields: Record<string, Scalar> = {}
  const attributes: Record<string, Scalar> = {}
  for (const plan of plans) {
    const cell = source.cells[plan.column] ?? null
    const typed = plan.field ? typeCell(cell, plan.field.type, options) : inferAttribute(cell, options)
    if (typed === null) continue
    if (isCellProblem(typed)) {
      problems.push({ line: source.line, column: plan.column, position: plan.position, message: typed.problem })
      continue
    }
    if (plan.field) fields[plan.field.name] = typed
    else attributes[plan.attribute!] = typed
  }
  // The schema's input is the fields plus `attributes`, set on the fields object rather than copied: one object less per row.
  const input: Record<string, unknown> = fields
  input.attributes = attributes
  if (problems.length === 0 && entity.acceptRow) {
    const accepted = entity.acceptRow(input)
    if (accepted !== undefined) return { ok: true, row: accepted }
  }
  const parsed = entity.rowSchema.safeParse(input)
  if (parsed.success && problems.length === 0) return { ok: true, row: parsed.data }
  // Cells that could not be typed are absent from what the schema saw: its word on them is moot.
  const failed = new Set(problems.map((problem) => problem.column))
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const plan = planAt(plans, issue.path)
    if (plan && failed.has(plan.column)) continue
    problems.push(
      plan
        ? { line: source.line, column: plan.column, position: plan.position, message: issue.message }
        : { line: source.line, message: `${issue.path.join('.') || 'row'}: ${issue.message}` },
    )
  }
  return { ok: false, problems }
}

/** The column an issue path names: `['email']` → the column mapped to email, `['attributes', 'tier']` → attr.tier's. */
export function planAt(plans: readonly ColumnPlan[], path: readonly PropertyKey[]): ColumnPlan | undefined {
  const [head, key] = path
  if (head === 'attributes') return plans.find((plan) => plan.attribute === key)
  return plans.find((plan) => plan.field?.name === head)
}

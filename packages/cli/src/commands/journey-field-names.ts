import { CxValidationError } from '@cxkit/core'

/**
 * Runs `work`, renaming the fields of a validation failure from the API's names (`body.stageId`) to the
 * arguments the user typed (`--stage`), so the message points at the option to fix. `names` maps a
 * field, or the start of one (`body.ids` covers `body.ids[2]`), to its argument.
 *
 * @example
 * await withArgumentNames({ 'body.stageId': '--stage' }, () => addTouchpoint(database, workspace, input))
 */
export async function withArgumentNames<T>(names: Record<string, string>, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (!(error instanceof CxValidationError)) throw error
    throw new CxValidationError(
      error.fields.map((field) => ({ ...field, field: argumentFor(names, field.field) })),
      error.errorCount,
    )
  }
}

function argumentFor(names: Record<string, string>, field: string): string {
  const exact = names[field]
  if (exact) return exact
  const prefix = Object.keys(names)
    .filter((name) => field.startsWith(`${name}.`) || field.startsWith(`${name}[`))
    .sort((a, b) => b.length - a.length)[0]
  return prefix ? names[prefix]! : field
}

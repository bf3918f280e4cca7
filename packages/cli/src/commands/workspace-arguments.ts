import { CxValidationError, type FieldProblem, type StageModel, workspaceSchema } from '@cxkit/core'

/** How the CLI names each field of a workspace: as the user typed it. */
const argumentNames: Record<string, string> = { id: '<id>', name: '--name', locale: '--locale' }

/**
 * Checks a workspace typed on the command line with the same schema the API uses, naming the
 * offending argument (`--name: …`) instead of a body field.
 *
 * @example
 * parseWorkspaceArguments({ id: 'acme', name: 'Acme', locale: 'nl' })
 */
export function parseWorkspaceArguments(input: { id: string; name?: string; locale?: string }) {
  const result = workspaceSchema.safeParse(input)
  if (result.success) return result.data
  throw new CxValidationError(
    result.error.issues.map((issue): FieldProblem => {
      const key = String(issue.path[0] ?? '')
      return { field: argumentNames[key] ?? key, message: issue.message, code: issue.code }
    }),
  )
}

/** Checks a renamed workspace's name like {@link parseWorkspaceArguments}. */
export function parseWorkspaceName(name: string): string {
  const result = workspaceSchema.shape.name.safeParse(name)
  if (result.success) return result.data
  throw new CxValidationError(
    result.error.issues.map((issue) => ({ field: '<name>', message: issue.message, code: issue.code })),
  )
}

/** The stage model called `id`, or a validation error that lists the ones there are. */
export function pickStageModel(models: readonly StageModel[], id: string): StageModel {
  const model = models.find((candidate) => candidate.id === id)
  if (model) return model
  const known = models.map((candidate) => `'${candidate.id}'`).join(', ')
  throw new CxValidationError([
    { field: '--stage-model', message: `unknown stage model '${id}': choose one of ${known}`, code: 'invalid_value' },
  ])
}

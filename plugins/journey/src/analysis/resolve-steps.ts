import { CxValidationError, type FieldProblem, type PluginContext } from '@cxkit/core'

/** A funnel step or a path start, resolved to the touchpoints whose events count for it. */
export interface ResolvedStep {
  /** As written by the caller, made explicit: `stage:purchase`, `touchpoint:checkout`. */
  readonly step: string
  readonly kind: 'stage' | 'touchpoint'
  readonly id: string
  readonly name: string
  /** The touchpoint itself, or every touchpoint of the stage (possibly none). */
  readonly touchpointIds: readonly string[]
}

/**
 * Resolves steps written as `stage:<id>`, `touchpoint:<id>` or a plain id (when it names a stage or a
 * touchpoint of the workspace, not both) to their touchpoints. Every step that names nothing, is
 * ambiguous or shares a touchpoint with another step is reported at once, as `<field>[<index>]`:
 * steps sharing a touchpoint would let one event count for two steps.
 *
 * @example
 * await resolveSteps(ctx, 'acme', ['stage:awareness', 'checkout'], 'query.steps')
 */
export async function resolveSteps(
  ctx: Pick<PluginContext, 'db'>,
  workspace: string,
  tokens: readonly string[],
  field: string,
  /** Name the one step `field` itself (a path's start) rather than `field[0]`. */
  single = false,
): Promise<ResolvedStep[]> {
  const [stages, touchpoints] = await Promise.all([
    ctx.db.selectFrom('stages').where('workspace_id', '=', workspace).select(['id', 'label_en']).execute(),
    ctx.db.selectFrom('touchpoints').where('workspace_id', '=', workspace).select(['id', 'name', 'stage_id']).execute(),
  ])
  const stageById = new Map(stages.map((stage) => [stage.id, stage]))
  const touchpointById = new Map(touchpoints.map((touchpoint) => [touchpoint.id, touchpoint]))
  const problems: FieldProblem[] = []
  const resolved: ResolvedStep[] = []
  const claimedBy = new Map<string, number>()
  tokens.forEach((token, index) => {
    const at = single ? field : `${field}[${index}]`
    const [prefix, id] = token.includes(':') ? (token.split(':', 2) as [string, string]) : [undefined, token]
    const stage = prefix !== 'touchpoint' ? stageById.get(id) : undefined
    const touchpoint = prefix !== 'stage' ? touchpointById.get(id) : undefined
    if (stage && touchpoint) {
      problems.push({
        field: at,
        code: 'ambiguous',
        message: `'${id}' is both a stage and a touchpoint: write 'stage:${id}' or 'touchpoint:${id}'`,
      })
      return
    }
    if (!stage && !touchpoint) {
      const what = prefix === 'stage' ? 'stage' : prefix === 'touchpoint' ? 'touchpoint' : 'stage or touchpoint'
      problems.push({ field: at, code: 'unknown_step', message: `no ${what} '${id}' in workspace '${workspace}'` })
      return
    }
    const step: ResolvedStep = stage
      ? {
          step: `stage:${id}`,
          kind: 'stage',
          id,
          name: stage.label_en,
          touchpointIds: touchpoints.filter((t) => t.stage_id === id).map((t) => t.id),
        }
      : { step: `touchpoint:${id}`, kind: 'touchpoint', id, name: touchpoint!.name, touchpointIds: [id] }
    const shared = step.touchpointIds.find((touchpointId) => claimedBy.has(touchpointId))
    if (shared !== undefined) {
      problems.push({
        field: at,
        code: 'overlapping_steps',
        message: `touchpoint '${shared}' already counts for ${field}[${claimedBy.get(shared)}]: steps must not share touchpoints`,
      })
      return
    }
    for (const touchpointId of step.touchpointIds) claimedBy.set(touchpointId, index)
    resolved.push(step)
  })
  if (problems.length > 0) throw new CxValidationError(problems)
  return resolved
}

/**
 * Resolved steps as an answer describes them: plain, mutable copies fit for JSON and the result schemas.
 *
 * @example
 * return { workspace, steps: describeSteps(input.steps), … }
 */
export function describeSteps(steps: readonly ResolvedStep[]) {
  return steps.map(({ step, kind, id, name, touchpointIds }) => ({
    step,
    kind,
    id,
    name,
    touchpointIds: [...touchpointIds],
  }))
}

import { CxValidationError, type PluginContext, wilsonInterval } from '@cxkit/core'
import type { FunnelBy } from '../analysis/analysis-query-schema.js'
import { describeSteps, type ResolvedStep } from '../analysis/resolve-steps.js'
import { funnelGroup } from './funnel-group.js'
import type { FunnelGroupResult, FunnelResult, Share } from './funnel-result.js'
import { groupRows, totalRows, withGroupMedians } from './funnel-rows.js'
import { type ReachInput, withSteps } from './reach-query.js'

/** The most groups a funnel is cut into: more would not read as a table or a chart. */
export const maxFunnelGroups = 50

export interface FunnelInput extends ReachInput {
  readonly by?: FunnelBy
}

import type { StepRow } from './funnel-rows.js'

/**
 * Counts a funnel in SQL: per step the customers who reached it, conversion from step 1 and from the
 * previous step (with 95 % Wilson intervals), drop-off, and the median time from the previous step;
 * per group too when `by` is given. A customer enters at their first step-1 event in [from, to) (the
 * anchor) and reaches step k when they have an event at each step 1…k, each no earlier than the
 * previous, all at most `windowMs` after the anchor (inclusive); a customer without a step-1 event in
 * the period is not counted, whatever later steps they reach. One query; rows never leave the database.
 *
 * @example
 * const steps = await resolveSteps(ctx, 'acme', ['stage:awareness', 'touchpoint:checkout'], 'steps')
 * await computeFunnel(ctx, { workspace: 'acme', steps, windowMs: 14 * 86_400_000 })
 */
export async function computeFunnel(ctx: Pick<PluginContext, 'db' | 'sql'>, input: FunnelInput): Promise<FunnelResult> {
  const stepCount = input.steps.length
  const steps = withSteps(ctx, input, input.by ? funnelGroup(ctx.sql, input.by) : undefined)
  const creator = input.by ? withGroupMedians(steps, stepCount) : steps
  let query = totalRows(creator, stepCount)
  if (input.by) query = query.unionAll((eb) => groupRows(eb))
  query = query
    .orderBy('scope')
    .orderBy('g')
    .orderBy('step')
    // Enough rows for one group more than allowed: finding it is how a too-fine grouping is told.
    .limit(stepCount * (maxFunnelGroups + 2))

  const rows = (await query.execute()) as StepRow[]
  const total = toGroup(
    null,
    rows.filter((row) => Number(row.scope) === 0),
    input.steps,
  )
  const groupKeys = [...new Set(rows.filter((row) => Number(row.scope) === 1).map((row) => row.g))]
  if (groupKeys.length > maxFunnelGroups) {
    throw new CxValidationError([
      {
        field: 'by',
        code: 'too_many_groups',
        message: `'${input.by}' splits the funnel into more than ${maxFunnelGroups} groups; choose a coarser grouping or a shorter period`,
      },
    ])
  }
  const groups = groupKeys.sort(byKeyNullLast).map((key) =>
    toGroup(
      key,
      rows.filter((row) => Number(row.scope) === 1 && row.g === key),
      input.steps,
    ),
  )
  return {
    workspace: input.workspace,
    steps: describeSteps(input.steps),
    windowMs: input.windowMs,
    from: input.from ?? null,
    to: input.to ?? null,
    by: input.by ?? null,
    total,
    groups,
  }
}

function byKeyNullLast(a: string | null, b: string | null): number {
  if (a === b) return 0
  if (a === null) return 1
  if (b === null) return -1
  return a < b ? -1 : 1
}

/** One group's rows (a step nobody reached has none) as its funnel. */
function toGroup(key: string | null, rows: readonly StepRow[], steps: readonly ResolvedStep[]): FunnelGroupResult {
  const byStep = new Map(rows.map((row) => [Number(row.step), row]))
  const reached = steps.map((_, index) => Number(byStep.get(index + 1)?.reached ?? 0))
  const entered = reached[0]!
  return {
    key,
    entered,
    steps: reached.map((count, index) => {
      const previous = index === 0 ? entered : reached[index - 1]!
      const median = byStep.get(index + 1)?.median
      return {
        index: index + 1,
        step: steps[index]!.step,
        reached: count,
        conversion: share(count, entered),
        stepConversion: share(count, previous),
        dropOff: previous - count,
        medianMsFromPrevious: index === 0 || median === null || median === undefined ? null : Number(median),
      }
    }),
  }
}

function share(hits: number, n: number): Share {
  return { value: n === 0 ? null : hits / n, n, interval: wilsonInterval(hits, n) }
}

import { availableParallelism } from 'node:os'
import { CxValidationError, inCustomerParts, type PluginContext, wilsonInterval } from '@cxkit/core'
import { median } from 'd3-array'
import type { Kysely } from 'kysely'
import type { FunnelBy } from '../analysis/analysis-query-schema.js'
import { describeSteps, type ResolvedStep } from '../analysis/resolve-steps.js'
import { countFunnelPart, type FunnelPartRow, gapsColumn, reachedColumn } from './count-funnel-part.js'
import { funnelGroup } from './funnel-group.js'
import type { FunnelGroupResult, FunnelResult, Share } from './funnel-result.js'
import { unpackGaps } from './packed-gaps.js'
import type { ReachInput } from './reach-query.js'

/** The most groups a funnel is cut into: more would not read as a table or a chart. */
export const maxFunnelGroups = 50

/** Parts the customers are counted in at once: one per core, two to four. */
export const funnelParts = Math.min(4, Math.max(2, availableParallelism()))

export interface FunnelInput extends ReachInput {
  readonly by?: FunnelBy
}

/** One group's figures, added up over the parts: per step the customers who reached it and their packed times. */
interface GroupTally {
  readonly reached: number[]
  /** Per step (index k − 1) the packed times from the previous step, one text per part. */
  readonly gaps: (string | null)[][]
}

/**
 * Counts a funnel: per step the customers who reached it, conversion from step 1 and from the
 * previous step (with 95 % Wilson intervals), drop-off, and the median time from the previous step;
 * per group too when `by` is given. A customer enters at their first step-1 event in [from, to) (the
 * anchor) and reaches step k when they have an event at each step 1…k, each no earlier than the
 * previous, all at most `windowMs` after the anchor (inclusive); a customer without a step-1 event in
 * the period is not counted, whatever later steps they reach.
 *
 * The customers are split by id into `parts` ranges counted at once (SQLite reads on its worker
 * threads, PostgreSQL on its pool), each in one query that walks its customers through every step
 * and hands back its counts and every customer's times between steps; the parts' counts are added up
 * here and each median is taken over all parts' times. A customer is
 * counted in one part only, so the parts may read a moment apart without counting anyone twice.
 *
 * @example
 * const steps = await resolveSteps(ctx, 'acme', ['stage:awareness', 'touchpoint:checkout'], 'steps')
 * await computeFunnel(ctx, { workspace: 'acme', steps, windowMs: 14 * 86_400_000 })
 */
export async function computeFunnel(
  ctx: Pick<PluginContext, 'db' | 'sql'>,
  input: FunnelInput,
  options: { parts?: number } = {},
): Promise<FunnelResult> {
  const stepCount = input.steps.length
  const group = input.by ? funnelGroup(ctx.sql, input.by) : undefined
  const parts = await inCustomerParts(
    ctx.db as unknown as Kysely<any>,
    { table: 'journey_events', workspace: input.workspace, parts: options.parts ?? funnelParts },
    (customers) =>
      countFunnelPart(ctx, input, {
        ...(group ? { group } : {}),
        ...(customers ? { customers } : {}),
        // One group more than allowed: finding it is how a too-fine grouping is told.
        maxRows: maxFunnelGroups + 1,
      }),
  )
  const tallies = new Map<string | null, GroupTally>()
  for (const row of parts.flat()) addRow(tallyOf(tallies, row.g, stepCount), row, stepCount)
  if (tallies.size > maxFunnelGroups) {
    throw new CxValidationError([
      {
        field: 'by',
        code: 'too_many_groups',
        message: `'${input.by}' splits the funnel into more than ${maxFunnelGroups} groups; choose a coarser grouping or a shorter period`,
      },
    ])
  }
  const groups = group
    ? [...tallies.keys()].sort(byKeyNullLast).map((key) => toGroup(key, tallies.get(key)!, input.steps))
    : []
  return {
    workspace: input.workspace,
    steps: describeSteps(input.steps),
    windowMs: input.windowMs,
    from: input.from ?? null,
    to: input.to ?? null,
    by: input.by ?? null,
    total: toGroup(null, addUp(tallies.values(), stepCount), input.steps),
    groups,
  }
}

/** The groups' tallies as one: the whole funnel, each median over every customer's times. */
function addUp(tallies: Iterable<GroupTally>, stepCount: number): GroupTally {
  const total = emptyTally(stepCount)
  for (const tally of tallies) {
    for (let index = 0; index < stepCount; index++) {
      total.reached[index]! += tally.reached[index]!
      total.gaps[index]!.push(...tally.gaps[index]!)
    }
  }
  return total
}

function emptyTally(stepCount: number): GroupTally {
  return { reached: new Array(stepCount).fill(0), gaps: Array.from({ length: stepCount }, () => []) }
}

function tallyOf(tallies: Map<string | null, GroupTally>, key: string | null, stepCount: number): GroupTally {
  let tally = tallies.get(key)
  if (!tally) {
    tally = emptyTally(stepCount)
    tallies.set(key, tally)
  }
  return tally
}

function addRow(tally: GroupTally, row: FunnelPartRow, stepCount: number): void {
  for (let k = 1; k <= stepCount; k++) {
    tally.reached[k - 1]! += Number(row[reachedColumn(k)] ?? 0)
    if (k > 1) tally.gaps[k - 1]!.push((row[gapsColumn(k)] as string | null) ?? null)
  }
}

function byKeyNullLast(a: string | null, b: string | null): number {
  if (a === b) return 0
  if (a === null) return 1
  if (b === null) return -1
  return a < b ? -1 : 1
}

/** One group's tally as its funnel. */
function toGroup(key: string | null, tally: GroupTally, steps: readonly ResolvedStep[]): FunnelGroupResult {
  const { reached } = tally
  const entered = reached[0]!
  return {
    key,
    entered,
    steps: reached.map((count, index) => {
      const previous = index === 0 ? entered : reached[index - 1]!
      const middle = index === 0 ? undefined : median(unpackGaps(tally.gaps[index]!))
      return {
        index: index + 1,
        step: steps[index]!.step,
        reached: count,
        conversion: share(count, entered),
        stepConversion: share(count, previous),
        dropOff: previous - count,
        medianMsFromPrevious: middle ?? null,
      }
    }),
  }
}

function share(hits: number, n: number): Share {
  return { value: n === 0 ? null : hits / n, n, interval: wilsonInterval(hits, n) }
}

import { inCustomerParts, type PluginContext, wilsonInterval } from '@cxkit/core'
import type { Kysely } from 'kysely'
import { describeSteps } from '../analysis/resolve-steps.js'
import { funnelParts } from '../funnel/compute-funnel.js'
import type { ReachInput } from '../funnel/reach-query.js'
import { countExitsPart } from './count-exits-part.js'
import type { ExitsResult } from './exits-result.js'

export interface ExitsInput extends ReachInput {
  /** How many touchpoints to rank. */
  readonly top: number
}

/**
 * Where customers stop: of the customers who entered the funnel (see `computeFunnel`) and did not
 * reach its last step within the window, the touchpoint of each one's last event in the window
 * (anchor … anchor + W, any touchpoint), ranked by how many stopped there (ties by touchpoint id, by
 * byte), with each share's 95 % Wilson interval. Counted in parts of the customers at once, as the
 * funnel is (see `countExitsPart`); the parts' counts are added up here.
 *
 * @example
 * await computeExits(ctx, { workspace: 'acme', steps, windowMs: 14 * 86_400_000, top: 10 })
 */
export async function computeExits(
  ctx: Pick<PluginContext, 'db' | 'sql'>,
  input: ExitsInput,
  options: { parts?: number } = {},
): Promise<ExitsResult> {
  const db = ctx.db as unknown as Kysely<any>
  const parts = await inCustomerParts(
    db,
    { table: 'journey_events', workspace: input.workspace, parts: options.parts ?? funnelParts },
    (customers) => countExitsPart(ctx, input, customers),
  )
  let entered = 0
  const stopped = new Map<string, number>()
  for (const row of parts.flat()) {
    const customers = Number(row.customers)
    entered += customers
    if (row.touchpoint_id !== null) stopped.set(row.touchpoint_id, (stopped.get(row.touchpoint_id) ?? 0) + customers)
  }
  const notCompleted = [...stopped.values()].reduce((sum, customers) => sum + customers, 0)
  const ranked = [...stopped]
    .sort(
      ([a, customersA], [b, customersB]) => customersB - customersA || Buffer.compare(Buffer.from(a), Buffer.from(b)),
    )
    .slice(0, input.top)
  const touchpoints = await touchpointsNamed(
    db,
    input.workspace,
    ranked.map(([id]) => id),
  )
  return {
    workspace: input.workspace,
    steps: describeSteps(input.steps),
    windowMs: input.windowMs,
    from: input.from ?? null,
    to: input.to ?? null,
    entered,
    notCompleted,
    exits: ranked.map(([touchpointId, customers]) => ({
      touchpointId,
      name: touchpoints.get(touchpointId)?.name ?? null,
      stageId: touchpoints.get(touchpointId)?.stage_id ?? null,
      customers,
      share: { value: customers / notCompleted, n: notCompleted, interval: wilsonInterval(customers, notCompleted) },
    })),
  }
}

/** The names and stages of the ranked touchpoints (one query for the few of them). */
async function touchpointsNamed(db: Kysely<any>, workspace: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, { name: string | null; stage_id: string | null }>()
  const rows = (await db
    .selectFrom('touchpoints')
    .where('workspace_id', '=', workspace)
    .where('id', 'in', ids)
    .select(['id', 'name', 'stage_id'])
    .execute()) as { id: string; name: string | null; stage_id: string | null }[]
  return new Map(rows.map((row) => [row.id, row]))
}

import { type DemoSeedContext, type PluginContext, timeOrderedId } from '@cxkit/core'
import { canonicalAttributes } from './events/event-content.js'
import { journeyEventColumns } from './events/store-events.js'

const minuteMs = 60_000
const hourMs = 60 * minuteMs
const dayMs = 24 * hourMs

/**
 * The share of customers at a stage who go on to the next, by the stage they are at: most who hear of
 * the shop look further, about half of those buy, nearly every order is delivered, fewer come back and
 * fewer still recommend. Stages not named here carry on with the default.
 */
const carryOn: Record<string, number> = {
  awareness: 0.72,
  consideration: 0.55,
  purchase: 0.95,
  delivery: 0.7,
  retention: 0.4,
}
const defaultCarryOn = 0.6
/** Business customers look longer but buy more surely once they do. */
const segmentBonus: Record<string, number> = { enterprise: 0.08, smb: 0.04, consumer: 0 }
/** Channels where a visit is a session of several page or screen views. */
const sessionChannels = new Set(['website', 'in-app'])
/** A customer starts again (a new need, another order) this often after a journey, at most a few times. */
const reentryChance = 0.65
const maxJourneys = 6

interface DemoTouchpoint {
  id: string
  stageId: string
  channel: string
}

/** The demo's touchpoints grouped by stage, in the workspace's stage order. */
async function touchpointsByStage(ctx: PluginContext, demo: DemoSeedContext): Promise<DemoTouchpoint[][]> {
  const stages = await ctx.db
    .selectFrom('stages')
    .select('id')
    .where('workspace_id', '=', demo.workspace)
    .orderBy('position')
    .execute()
  return stages
    .map((stage) => demo.touchpoints.filter((touchpoint) => touchpoint.stageId === stage.id))
    .filter((group) => group.length > 0)
}

/**
 * Demo journeys: each customer walks the stages in order from some moment after joining, meeting one
 * or two touchpoints per stage, and drops out between stages at realistic rates; many come back for
 * another journey later (starting again at awareness or consideration). Visits to the website and the
 * app are sessions of several views minutes apart. Deterministic for a seed; every event lies before
 * `demo.now`. About ten thousand events for the default 600 customers, written in bulk.
 *
 * @example
 * definePlugin({ id: 'journey', seedDemo: seedDemoJourneys })
 */
export async function seedDemoJourneys(ctx: PluginContext, demo: DemoSeedContext): Promise<void> {
  const stages = await touchpointsByStage(ctx, demo)
  if (stages.length === 0) return
  const now = demo.now.getTime()
  const createdAt = demo.now.toISOString()
  const random = demo.random
  const between = (from: number, to: number) => from + Math.floor(random() * (to - from))
  const rows: unknown[][] = []
  let sessions = 0

  const meet = (customerId: string, touchpoint: DemoTouchpoint, at: number): number => {
    const views = sessionChannels.has(touchpoint.channel) ? between(2, 7) : 1
    const session = views > 1 ? `demo-session-${++sessions}` : null
    const device = touchpoint.channel === 'in-app' ? 'phone' : random() < 0.6 ? 'mobile' : 'desktop'
    let time = at
    for (let view = 0; view < views && time < now; view++) {
      rows.push([
        timeOrderedId(),
        demo.workspace,
        customerId,
        touchpoint.id,
        new Date(time).toISOString(),
        time,
        session,
        null,
        canonicalAttributes(session ? { device } : {}),
        createdAt,
      ])
      time += between(20_000, 6 * minuteMs)
    }
    return time
  }

  for (const customer of demo.customers) {
    const bonus = segmentBonus[customer.segment] ?? 0
    let start = Date.parse(customer.createdAt) + between(0, 30 * dayMs)
    for (let journey = 0; journey < maxJourneys && start < now; journey++) {
      let time = start
      // A returning customer often knows the shop already and starts by comparing.
      const first = journey > 0 && random() < 0.6 ? Math.min(1, stages.length - 1) : 0
      for (let stage = first; stage < stages.length && time < now; stage++) {
        const group = stages[stage]!
        const met = random() < 0.3 && group.length > 1 ? 2 : 1
        const offset = between(0, group.length)
        for (let k = 0; k < met && time < now; k++) {
          time = meet(customer.id, group[(offset + k) % group.length]!, time) + between(10 * minuteMs, 2 * dayMs)
        }
        const stageId = group[0]!.stageId
        if (random() >= Math.min(0.98, (carryOn[stageId] ?? defaultCarryOn) + bonus)) break
        time += between(hourMs, 10 * dayMs)
      }
      if (random() >= reentryChance) break
      start = time + between(7 * dayMs, 120 * dayMs)
    }
  }

  await ctx.sql.transaction(ctx.db, async (trx) => {
    await ctx.sql.insertRows(trx, 'journey_events', journeyEventColumns, rows)
  })
}

import type { DemoSeedContext, PluginContext } from '@cxkit/core'
import type { MapContent, StageContent } from '../map-model.js'
import { journeyDb } from './journey-db.js'
import { insertMap } from './map-writes.js'

type DemoStage = Partial<StageContent> & { stageId: string }

/** A first-time buyer's journey through the default stages, as a workshop would write it down. */
const firstPurchase: DemoStage[] = [
  {
    stageId: 'awareness',
    actions: ['Sees an ad for a new stove on social media', 'Asks friends who recently renovated'],
    motivations: ['Wants a warmer, cheaper-to-run living room'],
    questions: ['Is a wood stove allowed in my street?'],
    emotion: 1,
  },
  {
    stageId: 'consideration',
    actions: ['Compares three models on the product pages', 'Asks the chatbot about installation'],
    questions: ['What does installation cost?', 'How long is the delivery time?'],
    painPoints: ['Installation costs are not on the product page'],
    emotion: 0,
  },
  {
    stageId: 'purchase',
    actions: ['Orders online', 'Pays with iDEAL'],
    painPoints: ['Checkout asks for an account before showing delivery costs'],
    emotion: -1,
    touchpointOrder: ['web-checkout', 'shop-counter'],
  },
  {
    stageId: 'delivery',
    actions: ['Waits for the delivery slot', 'Receives the parcel'],
    questions: ['Where is my order?'],
    painPoints: ['No delivery time until the day before'],
    emotion: -2,
  },
  {
    stageId: 'retention',
    actions: ['Calls customer service about the first fire'],
    motivations: ['Wants to use it safely'],
    emotion: 1,
  },
  { stageId: 'advocacy', actions: ['Posts a photo of the stove'], emotion: 2 },
]

const blank = { actions: [], motivations: [], questions: [], painPoints: [], emotion: null, touchpointOrder: [] }

/**
 * The demo workspace's journey map, so the Journey page opens on a map rather than an empty list. Only
 * the stages the workspace has are written.
 */
export async function seedDemoJourneyMap(ctx: PluginContext, demo: DemoSeedContext): Promise<void> {
  const db = journeyDb(ctx)
  const stages = await db.selectFrom('stages').select('id').where('workspace_id', '=', demo.workspace).execute()
  const known = new Set(stages.map((stage) => stage.id))
  const touchpoints = new Set(demo.touchpoints.map((tp) => tp.id))
  const content: MapContent = {
    stages: firstPurchase
      .filter((stage) => known.has(stage.stageId))
      .map((stage) => ({
        ...blank,
        ...stage,
        touchpointOrder: (stage.touchpointOrder ?? []).filter((id) => touchpoints.has(id)),
      })),
  }
  const details = { id: 'first-purchase', name: 'First purchase', persona: 'Home owner buying a stove online' }
  await ctx.sql.transaction(db, (trx) => insertMap(trx, demo.workspace, details, content, 'demo'))
}

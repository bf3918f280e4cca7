import { type DemoCustomer, defaultStageModel, type Host, type Logger, silentLogger } from '@cxkit/core'
import { type CxDatabase, createPluginContext, createWorkspace, insertCustomers, insertTouchpoints } from '@cxkit/db'
import { createRandom } from './create-random.js'
import {
  demoChannelsOfAcquisition,
  demoFirstNames,
  demoLastNames,
  demoPlans,
  demoRegions,
  demoSegments,
  demoTouchpoints,
  demoWorkspace,
} from './demo-catalogue.js'

export interface DemoOptions {
  /** Same seed, same data. */
  seed?: number
  customers?: number
  /** The demo data ends here; customers joined up to two years before. */
  now?: Date
  workspace?: { id: string; name: string }
}

export interface DemoSummary {
  workspace: string
  customers: number
  touchpoints: number
  plugins: string[]
}

const dayMs = 86_400_000
const historyDays = 730

/**
 * Creates a demo workspace: the six default stages, touchpoints on every channel, customers with
 * segment, region and plan, then asks every plugin (in host order) to add its share.
 *
 * @example
 * await seedDemoWorkspace(database, host, { seed: 42 })
 */
export async function seedDemoWorkspace(
  database: CxDatabase,
  host: Host,
  options: DemoOptions = {},
  logger: Logger = silentLogger,
): Promise<DemoSummary> {
  const random = createRandom(options.seed ?? 42)
  const now = options.now ?? new Date()
  const workspace = options.workspace ?? demoWorkspace
  await createWorkspace(
    database,
    { id: workspace.id, name: workspace.name, locale: demoWorkspace.locale },
    defaultStageModel,
  )
  await insertTouchpoints(database, workspace.id, demoTouchpoints)

  const count = options.customers ?? 600
  const drafts = Array.from({ length: count }, (_, index) => {
    const first = random.pick(demoFirstNames)
    const last = random.pick(demoLastNames)
    const createdAt = new Date(
      now.getTime() - random.int(1, historyDays) * dayMs - random.int(0, dayMs - 1),
    ).toISOString()
    const externalId = `CUST-${String(index + 1).padStart(5, '0')}`
    return {
      externalId,
      name: `${first} ${last}`,
      email: `${first}.${last.replaceAll(' ', '')}.${index + 1}@example.com`.toLowerCase(),
      segment: random.weighted(demoSegments),
      region: random.pick(demoRegions),
      plan: random.weighted(demoPlans),
      attributes: { acquisition: random.pick(demoChannelsOfAcquisition), newsletter: random.chance(0.4) },
      createdAt,
    }
  })
  const ids = await insertCustomers(database, workspace.id, drafts)
  const customers: DemoCustomer[] = drafts.map((draft, index) => ({
    id: ids[index]!,
    externalId: draft.externalId,
    segment: draft.segment,
    region: draft.region,
    plan: draft.plan,
    createdAt: draft.createdAt,
  }))

  const seeded: string[] = []
  for (const plugin of host.plugins) {
    if (!plugin.seedDemo) continue
    await plugin.seedDemo(createPluginContext(database, host, plugin, logger), {
      workspace: workspace.id,
      customers,
      touchpoints: demoTouchpoints,
      now,
      random: random.next,
    })
    seeded.push(plugin.id)
  }
  logger.info('demo workspace created', { workspace: workspace.id, customers: customers.length, plugins: seeded })
  return { workspace: workspace.id, customers: customers.length, touchpoints: demoTouchpoints.length, plugins: seeded }
}

/**
 * Seeds the demo workspace only into an empty database (no workspace yet). Returns null when data exists.
 *
 * @example
 * await seedDemoIfEmpty(database, host) // first start: demo data; later starts: null
 */
export async function seedDemoIfEmpty(
  database: CxDatabase,
  host: Host,
  options: DemoOptions = {},
  logger: Logger = silentLogger,
): Promise<DemoSummary | null> {
  const existing = await database.db.selectFrom('workspaces').select('id').limit(1).executeTakeFirst()
  if (existing) return null
  return seedDemoWorkspace(database, host, options, logger)
}

import { type CustomerSummaryQuery, customerSummaryPoint, type Host, type Logger, maxSummaryCards } from '@cxkit/core'
import { type CxDatabase, createPluginContext } from '@cxkit/db'
import type { z } from '@hono/zod-openapi'
import { type customerSummarySchema, summaryCardSchema } from './summary-schemas.js'

type CustomerSummary = z.infer<typeof customerSummarySchema>

/**
 * The summary cards of one customer: every contributed source asked in host order, each with its own plugin's
 * context and at most {@link maxSummaryCards} cards. A source that fails or returns cards that do not fit
 * the contract is logged and named in `unavailable`; the page shows the others.
 *
 * @example
 * const summary = await loadCustomerSummary(database, host, logger, { workspace: 'demo', customerId })
 */
export async function loadCustomerSummary(
  database: CxDatabase,
  host: Host,
  logger: Logger,
  query: CustomerSummaryQuery,
): Promise<CustomerSummary> {
  const unavailable: CustomerSummary['unavailable'] = []
  const loaded = await Promise.all(
    host.contributors(customerSummaryPoint).map(async ({ plugin, item: source }) => {
      try {
        const cards = await source.load(createPluginContext(database, host, plugin, logger), query)
        return cards.slice(0, maxSummaryCards).map((card) => summaryCardSchema.parse({ ...card, plugin: plugin.id }))
      } catch (error) {
        logger.error('a customer summary source failed', {
          plugin: plugin.id,
          kind: source.kind,
          error: error instanceof Error ? error.message : String(error),
        })
        unavailable.push({ plugin: plugin.id, kind: source.kind })
        return []
      }
    }),
  )
  return { cards: loaded.flat(), unavailable }
}

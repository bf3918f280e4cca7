import type { CustomerSummarySource } from '@cxkit/core'
import type { ChurnClvOptions } from '../options.js'
import { listChurnRisk } from '../risk/list-churn-risk.js'
import type { ChurnClvModelTables } from '../tables.js'
import { churnRiskCard, clvCards } from './summary-cards.js'

/**
 * The plugin's share of the top of the customer page: the customer's CLV scores from the latest fit and its
 * churn risk now, in a score lookup and one filtered read of the churn-risk list.
 *
 * @example
 * definePlugin({ contributes: [contribute(customerSummaryPoint, churnClvSummary)] })
 */
export const churnClvSummary: CustomerSummarySource = {
  kind: 'clv',
  async load(ctx, query) {
    const { currency } = ctx.options as ChurnClvOptions
    const score = await ctx.db
      .withTables<ChurnClvModelTables>()
      .selectFrom('churn_clv_scores as s')
      .innerJoin('churn_clv_fits as f', 'f.id', 's.fit_id')
      .where('s.workspace_id', '=', query.workspace)
      .where('s.customer_id', '=', query.customerId)
      .select([
        's.expected_purchases',
        's.probability_alive',
        's.clv',
        'f.created_at',
        'f.unit',
        'f.horizon',
        'f.customers',
      ])
      .executeTakeFirst()
    const risk = await listChurnRisk(ctx, {
      workspace: query.workspace,
      customerId: query.customerId,
      limit: 1,
      offset: 0,
    })
    return [
      ...clvCards(
        score
          ? {
              expectedPurchases: Number(score.expected_purchases),
              probabilityAlive: Number(score.probability_alive),
              clv: Number(score.clv),
              fit: {
                createdAt: score.created_at,
                unit: score.unit,
                horizon: Number(score.horizon),
                customers: Number(score.customers),
              },
            }
          : null,
        currency,
      ),
      churnRiskCard(risk.rows[0] ?? null, currency),
    ]
  },
}

import type { CustomerSummaryQuery, CustomerSummarySource } from '@cxkit/core'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import { readClvFitById } from '../clv/read-clv-fit.js'
import { createScorer, scoredSpend } from '../clv/score-customer.js'
import { type ScoreIntervals, scoreIntervals } from '../clv/score-intervals.js'
import type { ChurnClvOptions } from '../options.js'
import { listChurnRisk } from '../risk/list-churn-risk.js'
import { summariseCustomers } from '../summaries/summarise-customers.js'
import type { ChurnClvModelTables } from '../tables.js'
import { churnRiskCard, clvCards } from './summary-cards.js'

/**
 * The plugin's share of the top of the customer page: the customer's CLV scores from the latest fit, with
 * their 95 % intervals, and its churn risk now, in a score lookup, the customer's purchase summary and one
 * filtered read of the churn-risk list.
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
        's.fit_id',
        's.expected_purchases',
        's.probability_alive',
        's.clv',
        'f.created_at',
        'f.unit',
        'f.horizon',
        'f.customers',
      ])
      .executeTakeFirst()
    const intervals = score ? await intervalsOf(ctx.db, query, score) : null
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
              intervals,
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

/**
 * The intervals of a customer's stored scores (see `scoreIntervals`), from the customer's purchases up to the
 * fit's end. None for a fit kept without covariances, or when those purchases no longer give the stored
 * scores (purchases dated before the fit's end came in after it): the interval would be about other scores.
 */
async function intervalsOf(
  db: Kysely<any>,
  query: CustomerSummaryQuery,
  score: { fit_id: string; expected_purchases: number; probability_alive: number; clv: number },
): Promise<ScoreIntervals | null> {
  const fit = await readClvFitById(db, query.workspace, score.fit_id).catch((error: unknown) => {
    // A stored result that does not read as a fit (written by another tool, say) gives no intervals; the
    // scores themselves still show. Anything else (the database) is the page's problem.
    if (error instanceof SyntaxError || error instanceof z.ZodError) return null
    throw error
  })
  if (!fit) return null
  const [history] = await summariseCustomers(
    db,
    { workspace: query.workspace, until: fit.until, unit: fit.unit },
    { customerId: query.customerId },
  )
  if (!history) return null
  const spend = scoredSpend(history.monetary)
  const now = createScorer(fit)(history, spend)
  const same = (value: number, stored: number) =>
    Math.abs(value - Number(stored)) <= 1e-9 * Math.max(1, Math.abs(Number(stored)))
  if (
    !same(now.expectedPurchases, score.expected_purchases) ||
    !same(now.probabilityAlive, score.probability_alive) ||
    !same(now.clv, score.clv)
  )
    return null
  return scoreIntervals(fit, history, spend)
}

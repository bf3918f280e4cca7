import type { CustomerSummaryQuery, CustomerSummarySource } from '@cxkit/core'
import type { Kysely } from 'kysely'
import { readClvFitById } from '../clv/read-clv-fit.js'
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
 * fit's end. None for a fit kept without covariances, or when purchases dated before the fit's end have
 * come in since: the interval would then be about other scores than the ones shown.
 */
async function intervalsOf(
  db: Kysely<any>,
  query: CustomerSummaryQuery,
  score: { fit_id: string; expected_purchases: number; probability_alive: number; clv: number },
): Promise<ScoreIntervals | null> {
  // A fit whose stored result does not read as a whole (written by another tool, say) gives no intervals;
  // the scores themselves still show.
  const fit = await readClvFitById(db, query.workspace, score.fit_id).catch(() => null)
  if (!fit) return null
  const [history] = await summariseCustomers(
    db,
    { workspace: query.workspace, until: fit.until, unit: fit.unit },
    { customerId: query.customerId },
  )
  if (!history) return null
  const intervals = scoreIntervals(fit, history, history.monetary)
  if (!intervals) return null
  const holds = (interval: ScoreIntervals[keyof ScoreIntervals], value: number) =>
    interval === null || (interval.lower <= value * (1 + 1e-9) && value <= interval.upper * (1 + 1e-9))
  const stored = {
    expectedPurchases: Number(score.expected_purchases),
    probabilityAlive: Number(score.probability_alive),
    clv: Number(score.clv),
  }
  return holds(intervals.expectedPurchases, stored.expectedPurchases) &&
    holds(intervals.probabilityAlive, stored.probabilityAlive) &&
    holds(intervals.clv, stored.clv)
    ? intervals
    : null
}

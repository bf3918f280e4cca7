import type { PluginContext } from '@cxkit/core'
import type { ChurnClvOptions } from '../options.js'
import type { ChurnClvModelTables } from '../tables.js'
import { loadRiskEvidence } from './load-risk-evidence.js'
import { readNegativeAnswerRules } from './read-negative-answer-rules.js'
import { countRiskList, queryRiskList } from './query-risk-list.js'
import { rankingRule, riskSignals, valueAtStake } from './risk-model.js'
import type { RiskPage, RiskSignalKind } from './risk-schemas.js'
import { readRiskSettings } from './risk-settings.js'

/** Which page of the list, with which filters. */
export interface ChurnRiskRequest {
  workspace: string
  limit: number
  offset: number
  signal?: RiskSignalKind
  segment?: string
  /** Only this customer (`customers.id`). */
  customerId?: string
  /** The clock "recent" is measured from; now unless a test fixes it. */
  now?: Date
}

const dayMs = 86_400_000
const numberOrNull = (value: number | string | null) => (value === null ? null : Number(value))

/**
 * One page of the churn-risk list: the customers a retention team should call first, ranked by value at
 * stake, each with the signals that put it there and their evidence, and the fit the scores come from.
 *
 * @example
 * const page = await listChurnRisk(ctx, { workspace: 'acme', limit: 50, offset: 0 })
 */
export async function listChurnRisk(ctx: PluginContext, request: ChurnRiskRequest): Promise<RiskPage> {
  const db = ctx.db.withTables<ChurnClvModelTables>()
  const settings = await readRiskSettings(db, request.workspace)
  const rules = await readNegativeAnswerRules(ctx, request.workspace)
  const since = new Date((request.now ?? new Date()).getTime() - settings.recentDays * dayMs).toISOString()
  const fit = await db
    .selectFrom('churn_clv_fits')
    .where('workspace_id', '=', request.workspace)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .select(['id', 'created_at', 'unit', 'horizon', 'customers'])
    .executeTakeFirst()
  const query = { ...request, rules, aliveThreshold: settings.aliveThreshold, since }
  const [rows, total] = await Promise.all([queryRiskList(db, query), countRiskList(db, query)])
  const evidence = await loadRiskEvidence(db, {
    workspace: request.workspace,
    rules,
    since,
    customerIds: rows.map((row) => row.customer_id),
  })
  const fitRef = fit ? { id: fit.id, createdAt: fit.created_at } : null
  return {
    rows: rows.map((row, index) => {
      const clv = numberOrNull(row.clv)
      const probabilityAlive = numberOrNull(row.probability_alive)
      return {
        rank: request.offset + index + 1,
        customer: {
          id: row.customer_id,
          externalId: row.external_id,
          name: row.name,
          email: row.email,
          segment: row.segment,
        },
        valueAtStake: valueAtStake(clv, probabilityAlive),
        clv,
        probabilityAlive,
        expectedPurchases: numberOrNull(row.expected_purchases),
        signals: riskSignals({
          lowAlive: Number(row.low_alive) === 1,
          detractor: Number(row.detractor) === 1,
          complaint: Number(row.complaint) === 1,
          probabilityAlive,
          threshold: settings.aliveThreshold,
          fit: fitRef,
          answers: evidence.get(row.customer_id) ?? [],
        }),
        lastContactAt: row.last_contact_at,
      }
    }),
    total,
    offset: request.offset,
    nextOffset: request.offset + rows.length < total ? request.offset + rows.length : null,
    fit: fit
      ? {
          id: fit.id,
          createdAt: fit.created_at,
          unit: fit.unit,
          horizon: Number(fit.horizon),
          n: Number(fit.customers),
        }
      : null,
    currency: (ctx.options as ChurnClvOptions).currency,
    settings,
    negativeAnswers: rules,
    ranking: rankingRule,
  }
}

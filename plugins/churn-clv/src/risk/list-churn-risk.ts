import type { PluginContext } from '@cxkit/core'
import type { ChurnClvOptions } from '../options.js'
import type { ChurnClvModelTables } from '../tables.js'
import { loadRiskEvidence } from './load-risk-evidence.js'
import { readNegativeAnswerRules } from './read-negative-answer-rules.js'
import { countRiskList, queryRiskList, type RiskListQuery, type RiskListRow } from './query-risk-list.js'
import { rankingRule, riskSignals, valueAtStake } from './risk-model.js'
import type { RiskPage, RiskRow, RiskSignalKind } from './risk-schemas.js'
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

/** What every page of one list shares: its settings, rules, fit and query, and how raw rows become list rows. */
async function openRiskList(ctx: PluginContext, request: ChurnRiskRequest) {
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
  const query: RiskListQuery = { ...request, rules, aliveThreshold: settings.aliveThreshold, since }
  const fitRef = fit ? { id: fit.id, createdAt: fit.created_at } : null

  /** Ranked rows as list rows, with their signals' evidence; `offset` is the first row's place in the list. */
  async function listRows(rows: readonly RiskListRow[], offset: number): Promise<RiskRow[]> {
    const evidence = await loadRiskEvidence(db, {
      workspace: request.workspace,
      rules,
      since,
      customerIds: rows.map((row) => row.customer_id),
    })
    return rows.map((row, index) => {
      const clv = numberOrNull(row.clv)
      const probabilityAlive = numberOrNull(row.probability_alive)
      return {
        rank: offset + index + 1,
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
    })
  }
  return { db, settings, rules, fit, query, listRows }
}

/**
 * One page of the churn-risk list: the customers a retention team should call first, ranked by value at
 * stake, each with the signals that put it there and their evidence, and the fit the scores come from.
 *
 * @example
 * const page = await listChurnRisk(ctx, { workspace: 'acme', limit: 50, offset: 0 })
 */
export async function listChurnRisk(ctx: PluginContext, request: ChurnRiskRequest): Promise<RiskPage> {
  const { db, settings, rules, fit, query, listRows } = await openRiskList(ctx, request)
  const [rows, total] = await Promise.all([queryRiskList(db, query), countRiskList(db, query)])
  return {
    rows: await listRows(rows, request.offset),
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

/**
 * The list from `request.offset`, up to `request.limit` rows, as slices of `sliceSize` rows in rank order.
 * The ranking runs once: paging by offset would rank every flagged customer again for each slice (twenty
 * times for a 10,000-row export), and count them each time too. Memory holds the ranked rows (bounded by
 * the request's limit) and one slice's evidence.
 *
 * @example
 * for await (const rows of riskListSlices(ctx, { workspace: 'acme', limit: 10_000, offset: 0 }, 500)) write(rows)
 */
export async function* riskListSlices(
  ctx: PluginContext,
  request: ChurnRiskRequest,
  sliceSize: number,
): AsyncGenerator<RiskRow[]> {
  const { db, query, listRows } = await openRiskList(ctx, request)
  const ranked = await queryRiskList(db, query)
  for (let start = 0; start < ranked.length; start += sliceSize) {
    yield await listRows(ranked.slice(start, start + sliceSize), request.offset + start)
  }
}

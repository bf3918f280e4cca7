import type { Kysely } from 'kysely'
import type { ChurnRiskTables } from '../tables.js'
import type { RiskSettings } from './risk-schemas.js'

/** The thresholds a workspace has until it sets its own: P(alive) below 0.5, answers of the last 90 days. */
export const defaultRiskSettings: RiskSettings = { aliveThreshold: 0.5, recentDays: 90 }

/**
 * A workspace's churn-risk thresholds, or the defaults.
 *
 * @example
 * const { aliveThreshold } = await readRiskSettings(db, 'acme')
 */
export async function readRiskSettings(db: Kysely<any>, workspace: string): Promise<RiskSettings> {
  const row = await (db as Kysely<ChurnRiskTables>)
    .selectFrom('churn_clv_risk_settings')
    .where('workspace_id', '=', workspace)
    .select(['alive_threshold', 'recent_days'])
    .executeTakeFirst()
  return row
    ? { aliveThreshold: Number(row.alive_threshold), recentDays: Number(row.recent_days) }
    : defaultRiskSettings
}

/**
 * Stores a workspace's thresholds (what is not given keeps its current value).
 *
 * @example
 * await writeRiskSettings(db, 'acme', { recentDays: 30 })
 */
export async function writeRiskSettings(
  db: Kysely<any>,
  workspace: string,
  change: Partial<RiskSettings>,
): Promise<RiskSettings> {
  const settings = { ...(await readRiskSettings(db, workspace)), ...change }
  const row = {
    workspace_id: workspace,
    alive_threshold: settings.aliveThreshold,
    recent_days: settings.recentDays,
    updated_at: new Date().toISOString(),
  }
  await (db as Kysely<ChurnRiskTables>)
    .insertInto('churn_clv_risk_settings')
    .values(row)
    .onConflict((oc) =>
      oc.column('workspace_id').doUpdateSet({
        alive_threshold: row.alive_threshold,
        recent_days: row.recent_days,
        updated_at: row.updated_at,
      }),
    )
    .execute()
  return settings
}

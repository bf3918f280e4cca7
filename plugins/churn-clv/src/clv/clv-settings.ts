import type { Kysely } from 'kysely'
import type { ChurnClvModelTables } from '../tables.js'

/** How often a workspace's CLV is refitted on its own, by the server's schedule. */
export type RefitEvery = 'off' | 'daily' | 'weekly'

/** How a workspace values future purchases, and how often it refits. */
export interface ClvSettings {
  /** The share of spend that is profit, 0–1. 1 (the default) values CLV as revenue. */
  marginRate: number
  /** The yearly rate future value is discounted at; 0.1 by default. */
  yearlyDiscountRate: number
  /**
   * Weekly by default for a workspace created since scheduled fits exist (a schedule only refits a
   * workspace that has been fitted once, with that fit's options); 'off' for those that existed before.
   */
  refitEvery: RefitEvery
}

/** The values a workspace has until it sets its own. */
export const defaultClvSettings: ClvSettings = { marginRate: 1, yearlyDiscountRate: 0.1, refitEvery: 'weekly' }

/**
 * A workspace's CLV settings, or the defaults.
 *
 * @example
 * const { marginRate } = await readClvSettings(db, 'acme')
 */
export async function readClvSettings(db: Kysely<any>, workspace: string): Promise<ClvSettings> {
  const row = await (db as Kysely<ChurnClvModelTables>)
    .selectFrom('churn_clv_settings')
    .where('workspace_id', '=', workspace)
    .select(['margin_rate', 'yearly_discount_rate', 'refit_every'])
    .executeTakeFirst()
  return row
    ? {
        marginRate: row.margin_rate,
        yearlyDiscountRate: row.yearly_discount_rate,
        refitEvery: row.refit_every as RefitEvery,
      }
    : defaultClvSettings
}

/**
 * Stores a workspace's CLV settings (what is not given keeps its current value).
 *
 * @example
 * await writeClvSettings(db, 'acme', { marginRate: 0.3, refitEvery: 'daily' })
 */
export async function writeClvSettings(
  db: Kysely<any>,
  workspace: string,
  change: Partial<ClvSettings>,
): Promise<ClvSettings> {
  const settings = { ...(await readClvSettings(db, workspace)), ...change }
  const row = {
    workspace_id: workspace,
    margin_rate: settings.marginRate,
    yearly_discount_rate: settings.yearlyDiscountRate,
    refit_every: settings.refitEvery,
    updated_at: new Date().toISOString(),
  }
  await (db as Kysely<ChurnClvModelTables>)
    .insertInto('churn_clv_settings')
    .values(row)
    .onConflict((oc) =>
      oc.column('workspace_id').doUpdateSet({
        margin_rate: row.margin_rate,
        yearly_discount_rate: row.yearly_discount_rate,
        refit_every: row.refit_every,
        updated_at: row.updated_at,
      }),
    )
    .execute()
  return settings
}

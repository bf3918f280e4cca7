import type { Kysely } from 'kysely'
import { type ClvFit, clvFitSchema } from '../schema.js'
import type { ChurnClvModelTables } from '../tables.js'

/**
 * The workspace's latest fit, or null before the first.
 *
 * @example
 * const fit = await readLatestClvFit(db, 'acme')
 */
export async function readLatestClvFit(db: Kysely<any>, workspace: string): Promise<ClvFit | null> {
  const row = await (db as Kysely<ChurnClvModelTables>)
    .selectFrom('churn_clv_fits')
    .where('workspace_id', '=', workspace)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .selectAll()
    .executeTakeFirst()
  if (!row) return null
  const result = JSON.parse(row.result) as Pick<ClvFit, 'purchase' | 'spend' | 'settings'>
  return clvFitSchema.parse({
    id: row.id,
    workspace: row.workspace_id,
    model: row.model,
    unit: row.unit,
    until: row.until,
    horizon: row.horizon,
    customers: row.customers,
    repeatCustomers: row.repeat_customers,
    ...result,
    createdAt: row.created_at,
  })
}

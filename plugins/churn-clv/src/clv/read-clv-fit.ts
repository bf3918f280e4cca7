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
  return row ? fitFromRow(row) : null
}

/**
 * One of the workspace's fits by id, or null when the workspace has no such fit.
 *
 * @example
 * const fit = await readClvFitById(db, 'acme', '5d0c…')
 */
export async function readClvFitById(db: Kysely<any>, workspace: string, id: string): Promise<ClvFit | null> {
  const row = await (db as Kysely<ChurnClvModelTables>)
    .selectFrom('churn_clv_fits')
    .where('workspace_id', '=', workspace)
    .where('id', '=', id)
    .selectAll()
    .executeTakeFirst()
  return row ? fitFromRow(row) : null
}

function fitFromRow(row: ChurnClvModelTables['churn_clv_fits']): ClvFit {
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

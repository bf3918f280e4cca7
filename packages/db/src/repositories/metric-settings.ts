import type { CxDatabase } from '../open-database.js'

/** A workspace's stored settings for a metric; `{}` when it changed none. */
export async function readMetricWorkspaceSettings(
  database: CxDatabase,
  workspace: string,
  metricId: string,
): Promise<Record<string, unknown>> {
  const row = await database.db
    .selectFrom('metric_settings')
    .select('settings')
    .where('workspace_id', '=', workspace)
    .where('metric_id', '=', metricId)
    .executeTakeFirst()
  return row ? (JSON.parse(row.settings) as Record<string, unknown>) : {}
}

/** Stores a workspace's settings for a metric, replacing what was there; `{}` resets to the defaults. */
export async function writeMetricWorkspaceSettings(
  database: CxDatabase,
  workspace: string,
  metricId: string,
  settings: Record<string, unknown>,
): Promise<void> {
  await database.sql.transaction(database.db, async (trx) => {
    await trx
      .deleteFrom('metric_settings')
      .where('workspace_id', '=', workspace)
      .where('metric_id', '=', metricId)
      .execute()
    if (Object.keys(settings).length === 0) return
    await trx
      .insertInto('metric_settings')
      .values({
        workspace_id: workspace,
        metric_id: metricId,
        settings: JSON.stringify(settings),
        updated_at: new Date().toISOString(),
      })
      .execute()
  })
}

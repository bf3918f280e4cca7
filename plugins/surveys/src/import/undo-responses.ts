import type { ImportChange, ImportUndoContext } from '@cxkit/core'
import { sql } from 'kysely'
import type { RollupTables, SurveysTables } from '../tables.js'

/** SQLite caps bound parameters per statement. */
const chunk = 500

/**
 * Deletes the responses an import stored (their answers go with them) and takes their scored
 * answers out of the daily rollup, so metrics read as before the import.
 */
export async function undoResponses(ctx: ImportUndoContext, changes: readonly ImportChange[]): Promise<void> {
  const ids = changes.map((change) => Number(change.key))
  const db = ctx.db.withTables<SurveysTables & RollupTables>()
  for (let start = 0; start < ids.length; start += chunk) {
    const part = ids.slice(start, start + chunk)
    const groups = await db
      .selectFrom('surveys_answers as a')
      .innerJoin('surveys_responses as r', 'r.id', 'a.response_id')
      .where('r.workspace_id', '=', ctx.workspace)
      .where('r.id', 'in', part)
      .where('a.score', 'is not', null)
      .select([
        'a.question_type',
        'r.survey_id',
        sql<string>`substr(r.submitted_at, 1, 10)`.as('day'),
        sql<string>`coalesce(r.touchpoint_id, '')`.as('touchpoint_id'),
        sql<string>`coalesce(r.stage_id, '')`.as('stage_id'),
        'r.channel',
        'r.locale',
        sql<string>`coalesce(r.segment, '')`.as('segment'),
        sql<string>`coalesce(r.region, '')`.as('region'),
        sql<string>`coalesce(r.plan, '')`.as('plan'),
        sql<number>`coalesce(a.scale_max, 0)`.as('scale_max'),
        sql<number>`a.score`.as('score'),
        (eb) => eb.fn.countAll<number | string>().as('n'),
      ])
      .groupBy([
        'a.question_type',
        'r.survey_id',
        sql`substr(r.submitted_at, 1, 10)`,
        sql`coalesce(r.touchpoint_id, '')`,
        sql`coalesce(r.stage_id, '')`,
        'r.channel',
        'r.locale',
        sql`coalesce(r.segment, '')`,
        sql`coalesce(r.region, '')`,
        sql`coalesce(r.plan, '')`,
        sql`coalesce(a.scale_max, 0)`,
        'a.score',
      ])
      .execute()
    for (const { n, ...key } of groups) {
      const match = db
        .updateTable('surveys_answer_rollups')
        .set((eb) => ({ answers: eb('answers', '-', Number(n)) }))
        .where('workspace_id', '=', ctx.workspace)
      let update = match
      for (const [column, value] of Object.entries(key) as [keyof typeof key, string | number][]) {
        update = update.where(column, '=', value)
      }
      await update.execute()
    }
    await db
      .deleteFrom('surveys_answer_rollups')
      .where('workspace_id', '=', ctx.workspace)
      .where('answers', '<=', 0)
      .execute()
    await db.deleteFrom('surveys_answers').where('response_id', 'in', part).execute()
    await db.deleteFrom('surveys_responses').where('workspace_id', '=', ctx.workspace).where('id', 'in', part).execute()
  }
}

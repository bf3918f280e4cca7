import { type Period, type PluginContext, workspaceTables } from '@cxkit/core'
import { sql } from 'kysely'
import type { AnswerRows } from './answer-query.js'
import { rollupDimensionColumns } from './roll-up-answers.js'
import { responseDimensions, scoredAnswers } from './scored-answers.js'
import type { RollupTables } from './tables.js'

const dayMs = 86_400_000
const midnight = 'T00:00:00.000Z'
/** Canonical UTC instants (what the period schema produces) compare as text with stored instants and days. */
const canonicalInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

/**
 * A period cut at UTC midnights: the whole days inside it (`YYYY-MM-DD`, half-open) and the partial
 * days at either edge (instants, half-open). `days` is null when no whole day fits inside.
 */
export interface PeriodSplit {
  days: { from: string; to: string } | null
  edges: Period[]
}

/**
 * Splits a period of canonical instants at the first and last midnight inside it, or answers null
 * when its bounds are not canonical (such a period is read from the answers as it is).
 *
 * @example
 * splitPeriod({ from: '2026-03-01T10:00:00.000Z', to: '2026-03-08T00:00:00.000Z' })
 * // { days: { from: '2026-03-02', to: '2026-03-08' }, edges: [{ from: '2026-03-01T10:00:00.000Z', to: '2026-03-02T00:00:00.000Z' }] }
 */
export function splitPeriod(period: Period): PeriodSplit | null {
  if (!canonicalInstant.test(period.from) || !canonicalInstant.test(period.to)) return null
  const first = period.from.endsWith(midnight)
    ? period.from
    : new Date(Date.parse(`${period.from.slice(0, 10)}${midnight}`) + dayMs).toISOString()
  const last = `${period.to.slice(0, 10)}${midnight}`
  if (first >= last) return { days: null, edges: [period] }
  const edges: Period[] = []
  if (period.from < first) edges.push({ from: period.from, to: first })
  if (last < period.to) edges.push({ from: last, to: period.to })
  return { days: { from: first.slice(0, 10), to: last.slice(0, 10) }, edges }
}

/**
 * The rollup's rows of the whole days plus, for each partial edge day, its answers counted by the
 * same key as the rollup, in one UNION ALL, as answer rows under the alias `a` (`at` is the day): a
 * query over them groups and sums them as rollup rows, and gets what a scan of every answer of the
 * period would give (the edges are a day at most each, so the scan stays small however long the period).
 */
export function rollupWithEdges(
  ctx: Pick<PluginContext, 'db'>,
  workspace: string,
  questionType: string,
  split: PeriodSplit & { days: { from: string; to: string } },
): AnswerRows {
  // The rollup's columns in its own order, its day as `at`; a rollup row has no attributes.
  let rows = workspaceTables<RollupTables>(ctx, workspace)
    .selectFrom('surveys_answer_rollups')
    .select([
      ...rollupDimensionColumns.map((column) => (column === 'day' ? 'day as at' : column)),
      'answers',
      sql<string | null>`null`.as('attributes'),
    ])
    .where('question_type', '=', questionType)
    .where('day', '>=', split.days.from)
    .where('day', '<', split.days.to)
  for (const edge of split.edges) {
    // The columns in the rollup's order, empty dimensions as '' as the rollup stores them.
    const counted = scoredAnswers(ctx, workspace, questionType, edge)
      .select([
        sql<string>`substr(r.submitted_at, 1, 10)`.as('at'),
        'r.survey_id',
        sql<string>`coalesce(r.touchpoint_id, '')`.as('touchpoint_id'),
        sql<string>`coalesce(r.stage_id, '')`.as('stage_id'),
        'r.channel',
        'r.locale',
        sql<string>`coalesce(r.segment, '')`.as('segment'),
        sql<string>`coalesce(r.region, '')`.as('region'),
        sql<string>`coalesce(r.plan, '')`.as('plan'),
        sql<number>`coalesce(s.scale_max, 0)`.as('scale_max'),
        sql<number>`s.score`.as('score'),
        sql<number>`count(*)`.as('answers'),
        sql<string | null>`null`.as('attributes'),
      ])
      .groupBy([sql`substr(r.submitted_at, 1, 10)`, ...responseDimensions, 's.scale_max', 's.score'])
    rows = rows.unionAll(counted)
  }
  return ctx.db.selectFrom(rows.as('a'))
}

import { columnLimits, type PluginContext, textSchema } from '@cxkit/core'
import { z } from 'zod'
import type { SurveysTables } from '../tables.js'
import type { ScoreFilter } from './score-filter.js'

const dayMs = 86_400_000
const dateOrInstant = z.union([z.iso.date(), z.iso.datetime({ offset: true })])
const toInstant = (value: string) => new Date(value.length === 10 ? `${value}T00:00:00Z` : value).toISOString()

/**
 * Which open answers to read: period, the score they came with, where they were given. A `group` is
 * one of the score groups the `scoreType` question type declares (NPS: detractor, passive, promoter).
 */
export const verbatimQuerySchema = z
  .object({
    workspace: textSchema(columnLimits.id, 1),
    from: dateOrInstant.optional(),
    to: dateOrInstant.optional(),
    scoreType: textSchema(columnLimits.id, 1).optional(),
    group: textSchema(columnLimits.id, 1).optional(),
    minScore: z.coerce.number().optional(),
    maxScore: z.coerce.number().optional(),
    touchpoint: textSchema(columnLimits.id).optional(),
    survey: textSchema(columnLimits.id).optional(),
    channel: textSchema(columnLimits.channel).optional(),
    segment: textSchema(columnLimits.segment).optional(),
    locale: textSchema(columnLimits.locale).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type VerbatimQuery = z.output<typeof verbatimQuerySchema>

/**
 * Open answers (question type `open`, or `reasons` for picked reasons) of responses filtered as
 * asked: each answer `t` with its response `r` and the score `s` given in the same response, read
 * from the answers `scores` names (see `resolveScoreFilter`).
 */
export function followUpAnswers(
  ctx: Pick<PluginContext, 'db'>,
  query: VerbatimQuery,
  scores: ScoreFilter,
  questionType: 'open' | 'reasons',
) {
  const to = query.to ? toInstant(query.to) : new Date(Date.now() + dayMs).toISOString()
  const from = query.from ? toInstant(query.from) : new Date(Date.parse(to) - 365 * dayMs).toISOString()
  const { min: low, max: high } = scores
  return ctx.db
    .withTables<SurveysTables>()
    .selectFrom('surveys_responses as r')
    .innerJoin('surveys_answers as t', (join) =>
      join.onRef('t.response_id', '=', 'r.id').on('t.question_type', '=', questionType),
    )
    .innerJoin('surveys_answers as s', (join) =>
      join.onRef('s.response_id', '=', 'r.id').on('s.question_type', '=', scores.questionType),
    )
    .where('r.workspace_id', '=', query.workspace)
    .where('r.submitted_at', '>=', from)
    .where('r.submitted_at', '<', to)
    .$if(questionType === 'open', (q) => q.where('t.text', 'is not', null).where('t.text', '<>', ''))
    .$if(low !== undefined, (q) => q.where('s.score', '>=', low!))
    .$if(high !== undefined, (q) => q.where('s.score', '<=', high!))
    .$if(Boolean(query.touchpoint), (q) => q.where('r.touchpoint_id', '=', query.touchpoint!))
    .$if(Boolean(query.survey), (q) => q.where('r.survey_id', '=', query.survey!))
    .$if(Boolean(query.channel), (q) => q.where('r.channel', '=', query.channel!))
    .$if(Boolean(query.segment), (q) => q.where('r.segment', '=', query.segment!))
    .$if(Boolean(query.locale), (q) => q.where('r.locale', '=', query.locale!))
}

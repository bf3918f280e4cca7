import type { SurveysTables } from './tables.js'

export type ResponseRow = SurveysTables['surveys_responses']
export type AnswerRow = SurveysTables['surveys_answers']

/** A response on its way into the database: its row and the rows of its answers. */
export interface StoredResponse {
  readonly row: ResponseRow
  readonly answers: AnswerRow[]
}

/** The columns ingest writes, in the order of {@link responseValues}. */
export const responseColumns = [
  'id',
  'workspace_id',
  'survey_id',
  'customer_id',
  'customer_external_id',
  'channel',
  'touchpoint_id',
  'stage_id',
  'locale',
  'segment',
  'region',
  'plan',
  'attributes',
  'submitted_at',
  'idempotency_key',
  'received_at',
  'content_hash',
] as const

export const answerColumns = [
  'response_id',
  'question_id',
  'question_type',
  'score',
  'scale_max',
  'text',
  'choices',
] as const

export function responseValues(row: ResponseRow): unknown[] {
  return [
    row.id,
    row.workspace_id,
    row.survey_id,
    row.customer_id,
    row.customer_external_id,
    row.channel,
    row.touchpoint_id,
    row.stage_id,
    row.locale,
    row.segment,
    row.region,
    row.plan,
    row.attributes,
    row.submitted_at,
    row.idempotency_key,
    row.received_at,
    row.content_hash,
  ]
}

export function answerValues(row: AnswerRow): unknown[] {
  return [row.response_id, row.question_id, row.question_type, row.score, row.scale_max, row.text, row.choices]
}

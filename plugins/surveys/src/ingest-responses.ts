import { CxValidationError, type FieldProblem, type PluginContext, timeOrderedId } from '@cxkit/core'
import type { z } from 'zod'
import type { QuestionRegistry } from './question-registry.js'
import { rollUpAnswers } from './roll-up-answers.js'
import { enqueueResponseWebhooks } from './webhooks/enqueue-webhooks.js'
import type { responseInputSchema } from './schema.js'
import { createSurveysRepository, type StoredSurvey } from './surveys-repository.js'
import type { SurveysTables } from './tables.js'

type ResponseInput = z.output<typeof responseInputSchema>
type ResponseRow = SurveysTables['surveys_responses']
type AnswerRow = SurveysTables['surveys_answers']

export interface IngestResult {
  received: number
  stored: number
  /** Responses whose idempotency key was seen before (in an earlier request or earlier in this batch). */
  duplicates: { index: number; idempotencyKey: string }[]
  /** Ids of the stored responses, in input order (null for duplicates). */
  ids: (string | null)[]
}

/** Look-ups and inserts go in chunks: SQLite caps the bound parameters of one statement. */
const lookupChunk = 500
const insertChunk = 1000

/**
 * Validates and stores a batch of responses, all or nothing, exactly once per idempotency key.
 * Every problem in the batch is reported with its field path (`body.responses[3].answers[0].value`)
 * and then nothing is stored.
 */
export async function ingestResponses(
  ctx: Pick<PluginContext, 'db'>,
  registry: QuestionRegistry,
  workspace: string,
  responses: ResponseInput[],
  now = new Date(),
): Promise<IngestResult> {
  const tables = ctx.db.withTables<SurveysTables>()
  const problems: FieldProblem[] = []
  const surveys = await loadSurveys(ctx, workspace, responses, problems)
  const touchpoints = await loadTouchpoints(ctx, workspace)
  const customers = await loadCustomers(ctx, workspace, responses)

  const received = now.toISOString()
  // A question's answer schema is built once per batch, not once per answer.
  const answerSchemas = new Map<string, z.ZodType>()
  const rows: { response: ResponseRow; answers: AnswerRow[]; index: number; key?: string }[] = []
  responses.forEach((input, index) => {
    const at = `body.responses[${index}]`
    const survey = surveys.get(input.surveyId)
    if (!survey) return
    const touchpointId = input.touchpointId ?? survey.touchpointId ?? null
    if (input.touchpointId && !touchpoints.has(input.touchpointId)) {
      problems.push({ field: `${at}.touchpointId`, code: 'unknown_touchpoint', message: `no touchpoint '${input.touchpointId}' in workspace '${workspace}'` })
      return
    }
    const locale = input.locale ?? survey.locales[0]!
    if (!survey.locales.includes(locale)) {
      problems.push({ field: `${at}.locale`, code: 'unsupported_locale', message: `survey '${survey.id}' is not offered in '${locale}'` })
    }
    const customer = input.customerExternalId ? customers.get(input.customerExternalId) : undefined
    const response: ResponseRow = {
      // Time-ordered ids append to the primary-key B-tree instead of scattering writes across it.
      id: timeOrderedId(),
      workspace_id: workspace,
      survey_id: survey.id,
      customer_id: customer?.id ?? null,
      customer_external_id: input.customerExternalId ?? null,
      channel: input.channel,
      touchpoint_id: touchpointId,
      stage_id: (touchpointId ? touchpoints.get(touchpointId) : undefined) ?? survey.stageId ?? null,
      locale,
      segment: input.segment ?? customer?.segment ?? null,
      region: input.region ?? customer?.region ?? null,
      plan: input.plan ?? customer?.plan ?? null,
      attributes: JSON.stringify(input.attributes ?? (customer ? JSON.parse(customer.attributes) : {})),
      submitted_at: input.submittedAt ?? received,
      idempotency_key: input.idempotencyKey ?? null,
      received_at: received,
    }
    const answers = validateAnswers(survey, registry, input, at, problems, answerSchemas).map(({ questionId, type, stored }) => ({
      response_id: response.id,
      workspace_id: workspace,
      survey_id: survey.id,
      question_id: questionId,
      question_type: type,
      score: stored.score,
      scale_max: stored.scaleMax,
      text: stored.text,
      choices: stored.choices ? JSON.stringify(stored.choices) : null,
      submitted_at: response.submitted_at,
      touchpoint_id: response.touchpoint_id,
      stage_id: response.stage_id,
      channel: response.channel,
      locale: response.locale,
      segment: response.segment,
      region: response.region,
      plan: response.plan,
    }))
    rows.push({ response, answers, index, key: input.idempotencyKey })
  })
  if (problems.length > 0) throw new CxValidationError(problems)

  return tables.transaction().execute(async (trx) => {
    const known = await existingKeys(trx, workspace, rows.flatMap((row) => (row.key ? [row.key] : [])))
    const duplicates: IngestResult['duplicates'] = []
    const ids: (string | null)[] = responses.map(() => null)
    const fresh = rows.filter((row) => {
      if (!row.key) return true
      if (known.has(row.key)) {
        duplicates.push({ index: row.index, idempotencyKey: row.key })
        return false
      }
      known.add(row.key)
      return true
    })
    for (const row of fresh) ids[row.index] = row.response.id
    const responseRows = fresh.map((row) => row.response)
    const answerRows = fresh.flatMap((row) => row.answers)
    for (let start = 0; start < responseRows.length; start += insertChunk) {
      await trx.insertInto('surveys_responses').values(responseRows.slice(start, start + insertChunk)).execute()
    }
    for (let start = 0; start < answerRows.length; start += insertChunk) {
      await trx.insertInto('surveys_answers').values(answerRows.slice(start, start + insertChunk)).execute()
    }
    await rollUpAnswers(trx, answerRows)
    await enqueueResponseWebhooks(trx, workspace, responseRows, answerRows)
    return { received: responses.length, stored: fresh.length, duplicates, ids }
  })
}

function validateAnswers(
  survey: StoredSurvey,
  registry: QuestionRegistry,
  input: ResponseInput,
  at: string,
  problems: FieldProblem[],
  schemas: Map<string, z.ZodType>,
) {
  const questions = new Map(survey.questions.map((question) => [question.id, question]))
  const answered = new Set<string>()
  const valid: { questionId: string; type: string; stored: ReturnType<NonNullable<ReturnType<QuestionRegistry['get']>>['store']> }[] = []
  input.answers.forEach((answer, j) => {
    const field = `${at}.answers[${j}]`
    const question = questions.get(answer.questionId)
    if (!question) {
      problems.push({ field: `${field}.questionId`, code: 'unknown_question', message: `survey '${survey.id}' has no question '${answer.questionId}'` })
      return
    }
    if (answered.has(question.id)) {
      problems.push({ field: `${field}.questionId`, code: 'duplicate', message: `question '${question.id}' is answered twice` })
      return
    }
    answered.add(question.id)
    const type = registry.get(question.type)
    if (!type) {
      problems.push({ field: `${field}.questionId`, code: 'unknown_type', message: `question type '${question.type}' is not enabled` })
      return
    }
    const schemaKey = `${survey.id}\u0000${question.id}`
    let schema = schemas.get(schemaKey)
    if (!schema) {
      schema = type.answerSchema(question.config)
      schemas.set(schemaKey, schema)
    }
    const parsed = schema.safeParse(answer.value)
    if (!parsed.success) {
      problems.push({ field: `${field}.value`, code: parsed.error.issues[0]?.code ?? 'invalid', message: parsed.error.issues[0]?.message ?? 'invalid answer' })
      return
    }
    valid.push({ questionId: question.id, type: question.type, stored: type.store(parsed.data, question.config) })
  })
  for (const question of survey.questions) {
    if (question.required && !answered.has(question.id)) {
      problems.push({ field: `${at}.answers`, code: 'missing_answer', message: `question '${question.id}' is required` })
    }
  }
  return valid
}

async function loadSurveys(ctx: Pick<PluginContext, 'db'>, workspace: string, responses: ResponseInput[], problems: FieldProblem[]) {
  const repository = createSurveysRepository(ctx)
  const surveys = new Map<string, StoredSurvey>()
  for (const id of new Set(responses.map((r) => r.surveyId))) {
    const survey = await repository.find(workspace, id)
    if (survey) surveys.set(id, survey)
  }
  responses.forEach((response, index) => {
    const survey = surveys.get(response.surveyId)
    const field = `body.responses[${index}].surveyId`
    if (!survey) problems.push({ field, code: 'unknown_survey', message: `no survey '${response.surveyId}' in workspace '${workspace}'` })
    else if (survey.status !== 'active') problems.push({ field, code: 'survey_not_active', message: `survey '${survey.id}' is ${survey.status}: it accepts no responses` })
  })
  for (const [id, survey] of surveys) if (survey.status !== 'active') surveys.delete(id)
  return surveys
}

async function loadTouchpoints(ctx: Pick<PluginContext, 'db'>, workspace: string): Promise<Map<string, string>> {
  const rows = await ctx.db.selectFrom('touchpoints').select(['id', 'stage_id']).where('workspace_id', '=', workspace).execute()
  return new Map(rows.map((row) => [row.id, row.stage_id]))
}

async function loadCustomers(ctx: Pick<PluginContext, 'db'>, workspace: string, responses: ResponseInput[]) {
  const externalIds = [...new Set(responses.flatMap((r) => (r.customerExternalId ? [r.customerExternalId] : [])))]
  const customers = new Map<string, { id: string; segment: string | null; region: string | null; plan: string | null; attributes: string }>()
  for (let start = 0; start < externalIds.length; start += lookupChunk) {
    const rows = await ctx.db
      .selectFrom('customers')
      .select(['id', 'external_id', 'segment', 'region', 'plan', 'attributes'])
      .where('workspace_id', '=', workspace)
      .where('external_id', 'in', externalIds.slice(start, start + lookupChunk))
      .execute()
    for (const row of rows) customers.set(row.external_id, row)
  }
  return customers
}

async function existingKeys(trx: { selectFrom: any }, workspace: string, keys: string[]): Promise<Set<string>> {
  const found = new Set<string>()
  const unique = [...new Set(keys)]
  for (let start = 0; start < unique.length; start += lookupChunk) {
    const rows: { idempotency_key: string }[] = await trx
      .selectFrom('surveys_responses')
      .select('idempotency_key')
      .where('workspace_id', '=', workspace)
      .where('idempotency_key', 'in', unique.slice(start, start + lookupChunk))
      .execute()
    for (const row of rows) found.add(row.idempotency_key)
  }
  return found
}

import { BoundedProblems, CxValidationError, type FieldProblem, findCustomers, type PluginContext } from '@cxkit/core'
import type { QuestionRegistry } from './question-registry.js'
import { storeResponses } from './group-commit.js'
import { keyConflict, KeyConflictError } from './idempotency-conflicts.js'
import { responseContentHash } from './response-content-hash.js'
import type { ParsedResponseInput } from './schema.js'
import type { ResponseRow } from './stored-response.js'
import { createSurveysRepository, type StoredSurvey } from './surveys-repository.js'
import { createAnswerValidator, responsePath } from './validate-answers.js'
import type { CandidateResponse } from './write-responses.js'

export interface IngestResult {
  received: number
  stored: number
  /**
   * Responses whose idempotency key was seen before with the same content (in an earlier request or
   * earlier in this batch).
   */
  duplicates: { index: number; idempotencyKey: string }[]
  /** Ids of the stored responses, in input order (null for duplicates). */
  ids: (number | null)[]
}

/** Look-ups go in chunks: SQLite caps the bound parameters of one statement. */
const lookupChunk = 500

/**
 * Validates and stores a batch of responses, all or nothing, exactly once per idempotency key.
 * Every problem in the batch is reported with its field path (`body.responses[3].answers[0].value`)
 * and then nothing is stored. A key used before with other content is a {@link KeyConflictError} (409).
 */
export interface IngestOptions {
  /**
   * What a key already used with other content does: `refuse` the batch with 409 (the API: a client
   * that reuses a key for something else has a bug), or `keep-first` and count it a duplicate (an
   * import: a row's key is its identity in the source, and the first import of it stands).
   */
  keyReuse?: 'refuse' | 'keep-first'
}

export async function ingestResponses(
  ctx: Pick<PluginContext, 'db' | 'sql'>,
  registry: QuestionRegistry,
  workspace: string,
  responses: ParsedResponseInput[],
  now = new Date(),
  options: IngestOptions = {},
): Promise<IngestResult> {
  // A batch can hold half a million problems: the first are listed, the rest only counted.
  const problems = new BoundedProblems<FieldProblem>()
  const surveys = await loadSurveys(ctx, workspace, responses, problems)
  const touchpoints = await loadTouchpoints(ctx, workspace, responses, surveys)
  const customers = await findCustomers(
    ctx,
    workspace,
    responses.flatMap((r) => (r.customerExternalId ? [r.customerExternalId] : [])),
    ['id', 'segment', 'region', 'plan', 'attributes'],
  )

  const received = now.toISOString()
  const validateAnswers = createAnswerValidator(registry)
  const rows: CandidateResponse[] = []
  for (let index = 0; index < responses.length; index++) {
    const input = responses[index]!
    const survey = surveys.get(input.surveyId)
    if (!survey) continue
    const touchpointId = input.touchpointId ?? survey.touchpointId ?? null
    if (input.touchpointId && !touchpoints.has(input.touchpointId)) {
      problems.push({
        field: `${responsePath(index)}.touchpointId`,
        code: 'unknown_touchpoint',
        message: `no touchpoint '${input.touchpointId}' in workspace '${workspace}'`,
      })
      continue
    }
    const locale = input.locale ?? survey.locales[0]!
    if (!survey.locales.includes(locale)) {
      problems.push({
        field: `${responsePath(index)}.locale`,
        code: 'unsupported_locale',
        message: `survey '${survey.id}' is not offered in '${locale}'`,
      })
    }
    const customer = input.customerExternalId ? customers.get(input.customerExternalId) : undefined
    const attributes = input.attributes ?? (customer ? JSON.parse(customer.attributes) : undefined)
    const response: ResponseRow = {
      // Numbered in the transaction below; a response skipped as a duplicate gives its number up.
      id: 0,
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
      attributes: attributes && Object.keys(attributes).length > 0 ? JSON.stringify(attributes) : null,
      submitted_at: input.submittedAt ?? received,
      idempotency_key: input.idempotencyKey ?? null,
      received_at: received,
      content_hash: input.idempotencyKey ? responseContentHash(input) : null,
    }
    const answers = validateAnswers(survey, input.answers, index, problems)
    rows.push({ row: response, answers, index, key: input.idempotencyKey })
  }
  if (problems.count > 0) throw new CxValidationError(problems.listed, problems.count)

  // Within the batch, the first response with a key wins; later ones are duplicates if they say the
  // same, and refuse the batch (409) if they do not.
  const keepFirst = options.keyReuse === 'keep-first'
  const duplicates: IngestResult['duplicates'] = []
  const conflicts: FieldProblem[] = []
  const seen = new Map<string, (typeof rows)[number]>()
  const candidates = rows.filter((row) => {
    if (!row.key) return true
    const first = seen.get(row.key)
    if (first) {
      if (first.row.content_hash !== row.row.content_hash && !keepFirst)
        conflicts.push(keyConflict(row, responsePath(first.index)))
      else duplicates.push({ index: row.index, idempotencyKey: row.key })
      return false
    }
    seen.set(row.key, row)
    return true
  })
  if (conflicts.length > 0) throw new KeyConflictError(conflicts)

  // Small calls that arrive together are committed together (group commit); a transaction PostgreSQL
  // aborts to break a deadlock runs again. Inside a caller's transaction (an import storing a whole
  // file) it joins that one instead.
  const stored = await storeResponses(ctx, { workspace, candidates, keepFirst })

  const ids: (number | null)[] = responses.map(() => null)
  for (const candidate of stored) ids[candidate.index] = candidate.row.id
  for (const candidate of candidates) {
    if (ids[candidate.index] === null) duplicates.push({ index: candidate.index, idempotencyKey: candidate.key! })
  }
  duplicates.sort((a, b) => a.index - b.index)
  return { received: responses.length, stored: stored.length, duplicates, ids }
}

async function loadSurveys(
  ctx: Pick<PluginContext, 'db'>,
  workspace: string,
  responses: ParsedResponseInput[],
  problems: BoundedProblems<FieldProblem>,
) {
  const repository = createSurveysRepository(ctx)
  const surveys = new Map<string, StoredSurvey>()
  for (const id of new Set(responses.map((r) => r.surveyId))) {
    const survey = await repository.find(workspace, id)
    if (survey) surveys.set(id, survey)
  }
  responses.forEach((response, index) => {
    const survey = surveys.get(response.surveyId)
    const field = `body.responses[${index}].surveyId`
    if (!survey)
      problems.push({
        field,
        code: 'unknown_survey',
        message: `no survey '${response.surveyId}' in workspace '${workspace}'`,
      })
    else if (survey.status !== 'active')
      problems.push({
        field,
        code: 'survey_not_active',
        message: `survey '${survey.id}' is ${survey.status}: it accepts no responses`,
      })
  })
  for (const [id, survey] of surveys) if (survey.status !== 'active') surveys.delete(id)
  return surveys
}

/**
 * The stage of each touchpoint the batch names or its surveys default to; none to look up (the
 * common single response without a touchpoint) is no query.
 */
async function loadTouchpoints(
  ctx: Pick<PluginContext, 'db'>,
  workspace: string,
  responses: ParsedResponseInput[],
  surveys: Map<string, StoredSurvey>,
): Promise<Map<string, string>> {
  const ids = new Set<string>()
  for (const response of responses) if (response.touchpointId) ids.add(response.touchpointId)
  for (const survey of surveys.values()) if (survey.touchpointId) ids.add(survey.touchpointId)
  const stages = new Map<string, string>()
  const wanted = [...ids]
  for (let start = 0; start < wanted.length; start += lookupChunk) {
    const rows = await ctx.db
      .selectFrom('touchpoints')
      .select(['id', 'stage_id'])
      .where('workspace_id', '=', workspace)
      .where('id', 'in', wanted.slice(start, start + lookupChunk))
      .execute()
    for (const row of rows) stages.set(row.id, row.stage_id)
  }
  return stages
}

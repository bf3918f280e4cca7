import {
  defineImportEntity,
  type ImportRowProblem,
  type ImportWriteContext,
  type UpsertOutcome,
  type ValidRow,
} from '@cxkit/core'
import { ingestResponses } from '../ingest-responses.js'
import { createQuestionRegistry, type QuestionRegistry } from '../question-registry.js'
import type { ParsedResponseInput } from '../schema.js'
import { importedSurvey, scoredType } from './imported-survey.js'
import { importRowKey } from './import-row-key.js'
import { type ResponseImportRow, responseImportFields, responseImportRowSchema } from './response-import-row.js'
import { undoResponses } from './undo-responses.js'

/** What one import run remembers between batches: touchpoints, the surveys it filed under, rows seen. */
function importState(ctx: ImportWriteContext) {
  return {
    touchpoints: ctx.perImport('surveys.touchpoints', async () => {
      const rows = await ctx.db
        .selectFrom('touchpoints')
        .select('id')
        .where('workspace_id', '=', ctx.workspace)
        .execute()
      return new Set(rows.map((row) => row.id))
    }),
    surveys: ctx.perImport('surveys.surveys', () => new Map<string, string>()),
    occurrences: ctx.perImport('surveys.occurrences', () => new Map<string, number>()),
  }
}

/** The problems of one row the workspace decides: its question type, its score's scale, its touchpoint. */
function rowProblems(
  ctx: ImportWriteContext,
  registry: QuestionRegistry,
  touchpoints: ReadonlySet<string>,
  { line, row }: ValidRow<ResponseImportRow>,
): ImportRowProblem[] {
  const problems: ImportRowProblem[] = []
  const scored = scoredType(registry, row.questionType)
  if (!scored) {
    problems.push({
      line,
      field: 'question_type',
      message: `'${row.questionType}' is not an enabled scored question type`,
    })
  } else {
    const check = scored.type.answerSchema(scored.config).safeParse(row.score)
    if (!check.success)
      problems.push({ line, field: 'score', message: check.error.issues[0]?.message ?? 'is out of range' })
  }
  if (row.touchpoint && !touchpoints.has(row.touchpoint)) {
    problems.push({
      line,
      field: 'touchpoint',
      message: `no touchpoint '${row.touchpoint}' in workspace '${ctx.workspace}'`,
    })
  }
  return problems
}

async function checkResponses(ctx: ImportWriteContext, rows: readonly ValidRow<ResponseImportRow>[]) {
  const registry = createQuestionRegistry(ctx)
  const touchpoints = await importState(ctx).touchpoints
  return rows.flatMap((row) => rowProblems(ctx, registry, touchpoints, row))
}

async function upsertResponses(
  ctx: ImportWriteContext,
  rows: readonly ValidRow<ResponseImportRow>[],
): Promise<UpsertOutcome> {
  const registry = createQuestionRegistry(ctx)
  const state = importState(ctx)
  const touchpoints = await state.touchpoints
  const rejected: ImportRowProblem[] = []
  const batch: ParsedResponseInput[] = []
  for (const valid of rows) {
    const problems = rowProblems(ctx, registry, touchpoints, valid)
    if (problems.length > 0) {
      rejected.push(...problems)
      continue
    }
    const { row } = valid
    let surveyId = state.surveys.get(row.questionType)
    if (!surveyId) {
      surveyId = await importedSurvey(ctx, registry, ctx.workspace, row.questionType)
      state.surveys.set(row.questionType, surveyId)
    }
    const comment = row.comment ?? ''
    batch.push({
      surveyId,
      // The content's order and form are those of the keys earlier versions stored: keep them.
      idempotencyKey: importRowKey(
        {
          sourceId: row.sourceId,
          content: [row.customer ?? '', row.touchpoint ?? '', row.submittedAt, row.questionType, row.score, comment],
        },
        state.occurrences,
      ),
      customerExternalId: row.customer,
      touchpointId: row.touchpoint,
      submittedAt: row.submittedAt,
      channel: row.channel,
      locale: row.locale,
      answers: [
        { questionId: 'score', value: row.score },
        ...(comment ? [{ questionId: 'comment', value: comment }] : []),
      ],
    })
  }
  if (batch.length === 0) return { inserted: 0, updated: 0, unchanged: 0, rejected }
  // A row's key is its identity in the source: a corrected export of a row imported before keeps the first.
  const result = await ingestResponses(ctx, registry, ctx.workspace, batch, new Date(), { keyReuse: 'keep-first' })
  await ctx.recordChanges(result.ids.flatMap((id) => (id === null ? [] : [{ key: String(id), before: null }])))
  return { inserted: result.stored, updated: 0, unchanged: result.duplicates.length, rejected }
}

/**
 * Historical survey answers (`cxkit import <file> --entity responses`): one scored answer and an
 * optional comment per row, filed under the survey `imported-<question type>`. Each row's
 * idempotency key comes from its `source_id` or its content and occurrence in the file (see
 * `importRowKey`), so importing the same export twice (or one that overlaps) stores each answer
 * once, identical rows are each an answer, and files imported by earlier versions are recognised.
 * Undo deletes the responses the import stored.
 */
export const responsesEntity = defineImportEntity({
  entity: 'responses',
  description: 'historical survey responses (one scored answer and an optional comment per row)',
  fields: responseImportFields,
  acceptsAttributes: false,
  rowSchema: responseImportRowSchema,
  upsert: upsertResponses,
  check: checkResponses,
  undo: undoResponses,
})

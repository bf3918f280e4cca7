import {
  BoundedProblems,
  columnLimits,
  defineImporter,
  hasUnsafeCharacters,
  type ImportProblem,
  instantRangeMessage,
  isInstantInRange,
  type PluginContext,
  unsafeTextMessage,
} from '@cxkit/core'
import { ingestResponses } from '../ingest-responses.js'
import { createQuestionRegistry, type QuestionRegistry } from '../question-registry.js'
import { isResponseChannel, type ParsedResponseInput, responseChannels } from '../schema.js'
import { createSurveysRepository } from '../surveys-repository.js'
import { validateSurvey } from '../validate-survey.js'
import { importRowKeys, type ImportRowIdentity } from './import-row-key.js'
import { parseSpreadsheetInstant, parseSpreadsheetNumber } from './parse-cell.js'

const batchSize = 5000

const columns = [
  {
    name: 'submitted_at',
    required: true,
    description: 'when the answer was given: 2026-03-01, 2026-03-01T10:00:00Z or 01-03-2026',
  },
  {
    name: 'question_type',
    required: true,
    description: 'the id of an enabled question type answered with a score (GET /api/surveys/question-types)',
  },
  { name: 'score', required: true, description: 'the score on the question type’s scale (a decimal comma is fine)' },
  { name: 'customer', required: false, description: 'the customer’s external id' },
  { name: 'touchpoint', required: false, description: 'the touchpoint id (must exist in the workspace)' },
  { name: 'comment', required: false, description: 'the answer to “why?”' },
  { name: 'channel', required: false, description: `one of ${responseChannels.join(', ')} (default import)` },
  { name: 'locale', required: false, description: 'en or nl (default en)' },
  {
    name: 'source_id',
    required: false,
    description: 'the row’s id in the system it came from: rows are then told apart by it, not by their content',
  },
]

/** A question type asked on a scale, with its default config; undefined for any other. */
function scoredType(registry: QuestionRegistry, id: string) {
  const type = registry.get(id)
  const config = type?.configSchema.safeParse({})
  if (!type || !config?.success || type.input(config.data).kind !== 'scale') return undefined
  return { type, config: config.data }
}

/** The survey historical answers of one question type are filed under: created on first import. */
async function importSurvey(
  ctx: PluginContext,
  registry: QuestionRegistry,
  workspace: string,
  type: string,
  create: boolean,
) {
  const surveys = createSurveysRepository(ctx)
  const id = `imported-${type}`
  if (!create || (await surveys.find(workspace, id))) return id
  const definition = validateSurvey(
    {
      id,
      name: `Imported ${type.toUpperCase()} responses`,
      kind: 'relational',
      status: 'active',
      locales: ['en', 'nl'],
      contactRuleDays: 0,
      verifiedCustomers: false,
      linkValidDays: 90,
      questions: [
        {
          id: 'score',
          type,
          required: true,
          config: {},
          text: { en: `${type.toUpperCase()} score`, nl: `${type.toUpperCase()}-score` },
        },
        { id: 'comment', type: 'open', required: false, config: {}, text: { en: 'Comment', nl: 'Opmerking' } },
      ],
    },
    registry,
  )
  await surveys.insert(workspace, definition)
  return id
}

/**
 * `cxkit import <file> --entity responses`: historical survey answers from a spreadsheet. Every row
 * is checked before anything is stored, and then all rows are stored in one transaction: a file is
 * imported whole or not at all, even if the process dies part-way. Each row's idempotency key comes
 * from its `source_id` or its content and occurrence (see `importRowKeys`), so importing the same
 * export twice (or one that overlaps) stores each answer once, and identical rows are each an answer.
 */
export const responsesImporter = defineImporter({
  entity: 'responses',
  description: 'historical survey responses (one scored answer and an optional comment per row)',
  columns,
  async run(ctx, { workspace, records, dryRun }) {
    const registry = createQuestionRegistry(ctx)
    const touchpoints = new Set(
      (await ctx.db.selectFrom('touchpoints').select('id').where('workspace_id', '=', workspace).execute()).map(
        (row) => row.id,
      ),
    )
    // A file of a million bad rows lists the first problems and counts the rest.
    const errors = new BoundedProblems<ImportProblem>()
    let rowsWithErrors = 0
    const prepared: { row: number; type: string; input: Omit<ParsedResponseInput, 'surveyId'> }[] = []
    const identities: ImportRowIdentity[] = []
    for (const { row, values } of records) {
      let rowIsBad = false
      const problem = (column: string, message: string) => {
        rowIsBad = true
        errors.push({ row, column, message })
      }
      const get = (column: string) => (values[column] ?? '').trim()
      // The same rule for text as the API's: what PostgreSQL cannot store is refused on every dialect.
      for (const [column, value] of Object.entries(values)) {
        if (hasUnsafeCharacters(value)) problem(column, unsafeTextMessage)
      }
      if (rowIsBad) {
        rowsWithErrors++
        continue
      }
      const at = parseSpreadsheetInstant(get('submitted_at'))
      if (!at) problem('submitted_at', get('submitted_at') ? `'${get('submitted_at')}' is not a date` : 'is required')
      else if (!isInstantInRange(at)) problem('submitted_at', `'${get('submitted_at')}' ${instantRangeMessage}`)
      if (get('customer').length > columnLimits.externalId)
        problem('customer', `must be at most ${columnLimits.externalId} characters`)
      const scored = scoredType(registry, get('question_type'))
      if (!scored) problem('question_type', `'${get('question_type')}' is not an enabled scored question type`)
      const score = parseSpreadsheetNumber(get('score'))
      if (score === null) problem('score', get('score') ? `'${get('score')}' is not a number` : 'is required')
      else if (scored) {
        const check = scored.type.answerSchema(scored.config).safeParse(score)
        if (!check.success) problem('score', check.error.issues[0]?.message ?? 'is out of range')
      }
      const touchpoint = get('touchpoint')
      if (touchpoint && !touchpoints.has(touchpoint))
        problem('touchpoint', `no touchpoint '${touchpoint}' in workspace '${workspace}'`)
      const channelCell = get('channel') || 'import'
      const channel = isResponseChannel(channelCell) ? channelCell : null
      if (!channel) problem('channel', `'${channelCell}' is not one of ${responseChannels.join(', ')}`)
      const localeCell = get('locale') || 'en'
      const locale = localeCell === 'en' || localeCell === 'nl' ? localeCell : null
      if (!locale) problem('locale', `'${localeCell}' is not en or nl`)
      if (rowIsBad || !channel || !locale) {
        rowsWithErrors++
        continue
      }
      const comment = get('comment')
      // The content's order and form are those of the keys earlier versions stored: keep them.
      identities.push({
        sourceId: get('source_id') || undefined,
        content: [get('customer'), touchpoint, at, get('question_type'), score, comment],
      })
      prepared.push({
        row,
        type: get('question_type'),
        input: {
          customerExternalId: get('customer') || undefined,
          touchpointId: touchpoint || undefined,
          submittedAt: at!,
          channel,
          locale,
          answers: [
            { questionId: 'score', value: score },
            ...(comment ? [{ questionId: 'comment', value: comment }] : []),
          ],
        },
      })
    }
    if (errors.count > 0 || dryRun) {
      return {
        rows: records.length,
        stored: 0,
        duplicates: 0,
        errors: errors.listed,
        ...(errors.count > errors.listed.length ? { errorCount: errors.count } : {}),
        rowsWithErrors,
      }
    }

    const keys = importRowKeys(identities)
    return ctx.sql.transaction(ctx.db, async (trx) => {
      // Everything goes through the transaction: ingest joins it instead of committing batch by batch.
      const inTransaction = { ...ctx, db: trx }
      const surveyIds = new Map<string, string>()
      for (const type of new Set(prepared.map((p) => p.type)))
        surveyIds.set(type, await importSurvey(inTransaction, registry, workspace, type, true))
      let stored = 0
      let duplicates = 0
      for (let start = 0; start < prepared.length; start += batchSize) {
        const batch = prepared.slice(start, start + batchSize).map((p, offset) => ({
          ...p.input,
          idempotencyKey: keys[start + offset],
          surveyId: surveyIds.get(p.type)!,
        }))
        // A row's key is its identity in the source: a corrected export of a row imported before keeps the first.
        const result = await ingestResponses(inTransaction, registry, workspace, batch, new Date(), {
          keyReuse: 'keep-first',
        })
        stored += result.stored
        duplicates += result.duplicates.length
      }
      return { rows: records.length, stored, duplicates, errors: [] }
    })
  },
})

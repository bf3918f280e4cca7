import type { PluginContext } from '@cxkit/core'
import type { Kysely } from 'kysely'
import { findStoredKeyConflicts, KeyConflictError } from './idempotency-conflicts.js'
import { rollUpAnswers } from './roll-up-answers.js'
import { answerColumns, answerValues, responseColumns, responseValues, type StoredResponse } from './stored-response.js'
import { enqueueResponseWebhooks } from './webhooks/enqueue-webhooks.js'

/** A validated response of a batch on its way in: its rows, its place in the batch and its key. */
export interface CandidateResponse extends StoredResponse {
  readonly index: number
  readonly key?: string
}

/** What one ingest call writes: all or nothing, exactly once per key. */
export interface ResponseWrite {
  readonly workspace: string
  readonly candidates: readonly CandidateResponse[]
  /** A key stored before with other content counts as a duplicate instead of refusing the write (imports). */
  readonly keepFirst: boolean
}

export type WriteContext = Pick<PluginContext, 'db' | 'sql'>

/** Exactly once: a response whose idempotency key the workspace has stored is skipped, not stored again. */
const insertOnce = {
  onConflict: { columns: ['workspace_id', 'idempotency_key'], where: 'idempotency_key is not null', skip: true },
  returning: 'id',
} as const

/**
 * Writes one ingest call in `trx` and returns the candidates stored; those whose key was stored before
 * are skipped (duplicates), and a key stored with other content throws a {@link KeyConflictError}.
 * Everything it writes is set up here, so a transaction that runs again starts from scratch.
 */
export async function writeResponses(
  ctx: WriteContext,
  trx: Kysely<any>,
  write: ResponseWrite,
): Promise<CandidateResponse[]> {
  const { candidates, workspace } = write
  await numberResponses(ctx, trx, candidates)
  const inserted = new Set(await insertResponseRows(ctx, trx, candidates))
  const fresh = candidates.filter((candidate) => inserted.has(candidate.row.id))
  // A skipped key stored with other content refuses the batch: thrown here, nothing of it is kept.
  const skipped = candidates.filter((candidate) => candidate.key && !inserted.has(candidate.row.id))
  const changed = write.keepFirst ? [] : await findStoredKeyConflicts(trx, workspace, skipped)
  if (changed.length > 0) throw new KeyConflictError(changed)
  await writeAnswersOf(ctx, trx, fresh)
  await enqueueResponseWebhooks(trx, workspace, fresh)
  return fresh
}

/**
 * Writes several ingest calls as one, in `trx`: one id reservation, one insert per table, one rollup
 * upsert. Returns null when any response was skipped for a key stored before (or earlier in the
 * group): the caller then rolls the group back and writes each call on its own, so duplicates and
 * 409s are decided exactly as if the calls had come one after another.
 */
export async function writeResponsesTogether(
  ctx: WriteContext,
  trx: Kysely<any>,
  writes: readonly ResponseWrite[],
): Promise<CandidateResponse[][] | null> {
  const all = writes.flatMap((write) => write.candidates)
  await numberResponses(ctx, trx, all)
  const inserted = await insertResponseRows(ctx, trx, all)
  if (inserted.length !== all.length) return null
  await writeAnswersOf(ctx, trx, all)
  const byWorkspace = new Map<string, CandidateResponse[]>()
  for (const write of writes) {
    const listed = byWorkspace.get(write.workspace)
    if (listed) listed.push(...write.candidates)
    else byWorkspace.set(write.workspace, [...write.candidates])
  }
  for (const [workspace, stored] of byWorkspace) await enqueueResponseWebhooks(trx, workspace, stored)
  return writes.map((write) => [...write.candidates])
}

/** Numbers the candidates: a response skipped as a duplicate gives its number up. */
async function numberResponses(ctx: WriteContext, trx: Kysely<any>, candidates: readonly CandidateResponse[]) {
  const reserved = await ctx.sql.reserveIds(trx, 'surveys_responses', candidates.length)
  candidates.forEach((candidate, position) => {
    candidate.row.id = reserved[position]!
  })
}

/**
 * Inserts the response rows and returns the ids of those inserted. A key stored before (by an earlier
 * request, or one committing alongside) skips its row: the unique index decides, so racing requests
 * store a key once without a look-up first.
 */
function insertResponseRows(ctx: WriteContext, trx: Kysely<any>, candidates: readonly CandidateResponse[]) {
  const rows = candidates.map((candidate) => responseValues(candidate.row))
  return ctx.sql.insertRows(trx, 'surveys_responses', responseColumns, rows, insertOnce)
}

/** The answers of stored responses, and their counts in the daily rollup, in the same transaction. */
async function writeAnswersOf(ctx: WriteContext, trx: Kysely<any>, stored: readonly CandidateResponse[]) {
  const answerRows: unknown[][] = []
  for (const { row, answers } of stored) {
    for (const answer of answers) {
      answer.response_id = row.id
      answerRows.push(answerValues(answer))
    }
  }
  await ctx.sql.insertRows(trx, 'surveys_answers', answerColumns, answerRows)
  await rollUpAnswers(ctx, trx, stored)
}

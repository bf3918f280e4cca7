import { CxError, type FieldProblem } from '@cxkit/core'
import type { Kysely } from 'kysely'
import type { ResponseRow } from './stored-response.js'
import type { SurveysTables } from './tables.js'
import { responsePath } from './validate-answers.js'

/** Look-ups go in chunks: SQLite caps the bound parameters of one statement. */
const lookupChunk = 500

/** A response of the batch with an idempotency key: where it sits and what it says. */
export interface KeyedResponse {
  readonly index: number
  readonly row: Pick<ResponseRow, 'idempotency_key' | 'content_hash'>
}

/**
 * The problem of a response whose key an earlier one used with other content: the first stands, and
 * this one is refused rather than passed off as a duplicate of something it does not say.
 */
export function keyConflict(response: KeyedResponse, firstUse: string): FieldProblem {
  return {
    field: `${responsePath(response.index)}.idempotencyKey`,
    code: 'idempotency_key_reused',
    message: `idempotency key '${response.row.idempotency_key}' was used by ${firstUse} with different content`,
  }
}

/**
 * The skipped responses whose key the workspace has stored with other content. Stored responses
 * without a content hash (from before migration 008) match anything. Call it in the transaction that
 * skipped them: a key committed by a concurrent request is visible to this later statement.
 */
export async function findStoredKeyConflicts(
  trx: Kysely<any>,
  workspace: string,
  skipped: readonly KeyedResponse[],
): Promise<FieldProblem[]> {
  const tables = trx as Kysely<SurveysTables>
  const stored = new Map<string, string | null>()
  const keys = skipped.map((response) => response.row.idempotency_key!)
  for (let start = 0; start < keys.length; start += lookupChunk) {
    const rows = await tables
      .selectFrom('surveys_responses')
      .select(['idempotency_key', 'content_hash'])
      .where('workspace_id', '=', workspace)
      .where('idempotency_key', 'in', keys.slice(start, start + lookupChunk))
      .execute()
    for (const row of rows) stored.set(row.idempotency_key!, row.content_hash)
  }
  return skipped.flatMap((response) => {
    const hash = stored.get(response.row.idempotency_key!)
    return hash && hash !== response.row.content_hash ? [keyConflict(response, 'a response stored before')] : []
  })
}

/**
 * A 409 naming each response whose key was used with other content; nothing of the batch is stored.
 *
 * @example
 * if (problems.length > 0) throw new KeyConflictError(problems)
 */
export class KeyConflictError extends CxError {
  readonly fields: FieldProblem[]

  constructor(fields: FieldProblem[]) {
    const first = fields[0]!
    const more = fields.length > 1 ? ` (and ${fields.length - 1} more)` : ''
    super('CXKIT_CONFLICT', `${first.field}: ${first.message}${more}`, { status: 409, details: { fields } })
    this.fields = fields
  }
}

import { CxError } from '@cxkit/core'
import type { Kysely } from 'kysely'
import {
  type CandidateResponse,
  type ResponseWrite,
  type WriteContext,
  writeResponses,
  writeResponsesTogether,
} from './write-responses.js'

/** Calls with more responses than this are a transaction of their own: a batch amortises its commit. */
export const maxGroupedCallSize = 50
/** Responses one group commit writes at most; the rest wait for the next. */
const maxGroupSize = 1000

interface Waiting {
  readonly write: ResponseWrite
  resolve(stored: CandidateResponse[]): void
  reject(error: unknown): void
}

/**
 * Group commit: small ingest calls that arrive while a commit is under way wait for it and are then
 * written together, in one transaction, instead of one transaction each. Each caller's promise
 * settles only after the commit that holds its responses, so a response is acknowledged only once
 * it is stored. A group in which a key was stored before is rolled back and its calls written one by
 * one, in arrival order, so that duplicates and conflicts (409) come out as they would have one
 * after another, and one call's refusal never touches another's responses.
 */
class GroupCommit {
  #waiting: Waiting[] = []
  #draining = false

  constructor(private readonly ctx: WriteContext) {}

  write(write: ResponseWrite): Promise<CandidateResponse[]> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ write, resolve, reject })
      if (this.#draining) return
      this.#draining = true
      // Calls whose bodies arrived in the same turn of the event loop join the first commit.
      setImmediate(() => void this.#drain())
    })
  }

  async #drain(): Promise<void> {
    try {
      while (this.#waiting.length > 0) await this.#commit(this.#nextGroup())
    } finally {
      this.#draining = false
    }
  }

  #nextGroup(): Waiting[] {
    let size = 0
    let taken = 0
    while (taken < this.#waiting.length) {
      size += this.#waiting[taken]!.write.candidates.length
      if (taken > 0 && size > maxGroupSize) break
      taken++
    }
    return this.#waiting.splice(0, taken)
  }

  async #commit(group: Waiting[]): Promise<void> {
    if (group.length > 1) {
      try {
        const stored = await this.ctx.sql.transaction(this.ctx.db, async (trx) => {
          const written = await writeResponsesTogether(
            this.ctx,
            trx,
            group.map((waiting) => waiting.write),
          )
          // A key seen before: undo the group (nothing of it is kept) and write its calls one by one.
          if (!written) throw new KeySeenBefore()
          return written
        })
        group.forEach((waiting, position) => {
          waiting.resolve(stored[position]!)
        })
        return
      } catch (error) {
        // A busy database is busy for every call of the group: each would wait again for nothing.
        if (error instanceof CxError && error.status === 503) {
          for (const waiting of group) waiting.reject(error)
          return
        }
      }
    }
    for (const waiting of group) {
      try {
        waiting.resolve(await this.#commitAlone(waiting.write))
      } catch (error) {
        waiting.reject(error)
      }
    }
  }

  #commitAlone(write: ResponseWrite): Promise<CandidateResponse[]> {
    return this.ctx.sql.transaction(this.ctx.db, (trx) => writeResponses(this.ctx, trx, write))
  }
}

/** Thrown inside a group's transaction to roll it back when a key was stored before. */
class KeySeenBefore extends Error {}

/** One group commit per database: calls on the same database wait for the same commits. */
const groupCommits = new WeakMap<Kysely<any>, GroupCommit>()

/**
 * Stores one ingest call's responses, all or nothing, and returns those stored (not those skipped as
 * duplicates). A small call outside a transaction goes through the database's group commit; a large
 * one, or one inside a caller's transaction (an import), is written on its own, in that transaction.
 *
 * @example
 * const stored = await storeResponses(ctx, { workspace, candidates, keepFirst: false })
 */
export function storeResponses(ctx: WriteContext, write: ResponseWrite): Promise<CandidateResponse[]> {
  if (ctx.db.isTransaction || write.candidates.length > maxGroupedCallSize) {
    return ctx.sql.transaction(ctx.db, (trx) => writeResponses(ctx, trx, write))
  }
  let groupCommit = groupCommits.get(ctx.db)
  if (!groupCommit) {
    groupCommit = new GroupCommit(ctx)
    groupCommits.set(ctx.db, groupCommit)
  }
  return groupCommit.write(write)
}

import { randomUUID } from 'node:crypto'
import type { ExpressionBuilder } from 'kysely'
import type { PluginContext } from '@cxkit/core'
import type { WebhookTables } from '../tables.js'

export interface ClaimOptions {
  /** The time deliveries are due by, and from which the lease runs. */
  now: Date
  /** How long the claim holds; past it another instance may send the delivery. */
  leaseMs: number
  /** How many deliveries to claim at most. */
  limit: number
  /** How many deliveries of one webhook to claim at most, oldest first. */
  perWebhook: number
  /** Webhooks to leave alone (their receivers are busy with this instance's requests). */
  excludeWebhooks?: readonly string[]
}

/** A delivery this instance may send until the claim's lease runs out. */
export interface ClaimedDelivery {
  id: string
  webhookId: string
  event: string
  payload: string
  attempts: number
  url: string
  secret: string
}

export interface Claim {
  /** Only the holder of this token may record a claimed delivery's outcome. */
  token: string
  deliveries: ClaimedDelivery[]
}

type Deliveries = ExpressionBuilder<WebhookTables, 'surveys_webhook_deliveries'>

/**
 * Marks due deliveries as this instance's in one statement, so two instances (or two passes of one)
 * never send the same delivery. On PostgreSQL the rows are picked `FOR UPDATE SKIP LOCKED`, so a
 * second instance takes other rows instead of waiting; SQLite runs the statement under its write
 * lock. A claim that is not released (an instance stopped mid-send) lapses after `leaseMs`.
 *
 * @example
 * const claim = await claimDueDeliveries(ctx, { now: new Date(), leaseMs: 120_000, limit: 16, perWebhook: 2 })
 */
export async function claimDueDeliveries(
  ctx: Pick<PluginContext, 'db' | 'sql'>,
  options: ClaimOptions,
): Promise<Claim> {
  const tables = ctx.db.withTables<WebhookTables>()
  const now = options.now.toISOString()
  const token = randomUUID()
  const claimable = (eb: Deliveries) =>
    eb.and([
      eb('status', '=', 'pending'),
      eb('next_attempt_at', '<=', now),
      eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', now)]),
    ])
  const excluded = options.excludeWebhooks ?? []
  // The oldest few of each webhook, so one webhook's backlog cannot fill a pass.
  const ranked = tables
    .selectFrom('surveys_webhook_deliveries')
    .select((eb) => [
      'id',
      eb.fn
        .agg<number>('row_number')
        .over((over) => over.partitionBy('webhook_id').orderBy('next_attempt_at').orderBy('id'))
        .as('place'),
    ])
    .where(claimable)
    .$if(excluded.length > 0, (qb) => qb.where('webhook_id', 'not in', excluded))
  const picked = tables
    .selectFrom('surveys_webhook_deliveries')
    .select('id')
    .where(
      'id',
      'in',
      tables.selectFrom(ranked.as('ranked')).select('ranked.id').where('ranked.place', '<=', options.perWebhook),
    )
    .where(claimable)
    .orderBy('next_attempt_at')
    .limit(options.limit)
    .$if(ctx.sql.name === 'postgres', (qb) => qb.forUpdate().skipLocked())
  const claimedUntil = new Date(options.now.getTime() + options.leaseMs).toISOString()
  // `claimable` again on the update itself: PostgreSQL re-checks it on a row another claim just changed.
  const { numUpdatedRows } = await tables
    .updateTable('surveys_webhook_deliveries')
    .set({ claimed_until: claimedUntil, claim_token: token })
    .where('id', 'in', picked)
    .where(claimable)
    .executeTakeFirst()
  if (numUpdatedRows === 0n) return { token, deliveries: [] }
  const deliveries = await tables
    .selectFrom('surveys_webhook_deliveries as d')
    .innerJoin('surveys_webhooks as w', 'w.id', 'd.webhook_id')
    .select(['d.id', 'd.webhook_id as webhookId', 'd.event', 'd.payload', 'd.attempts', 'w.url', 'w.secret'])
    .where('d.claim_token', '=', token)
    .orderBy('d.next_attempt_at')
    .orderBy('d.id')
    .execute()
  return { token, deliveries }
}

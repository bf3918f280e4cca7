/**
 * The widths of the text columns input lands in, in characters. Schemas take their maximum lengths from
 * here, so a value that passes validation fits its column on every dialect (PostgreSQL refuses an
 * over-long `varchar`, SQLite would store it). The migrations that made these columns are shipped and
 * never edited; `column-limits.test.ts` in `@cxkit/db` checks that the database agrees with this table.
 */
export const columnLimits = {
  /** Slugs: workspace, survey, touchpoint, stage and question ids. */
  id: 64,
  /** Names of workspaces, touchpoints and surveys. */
  name: 200,
  /** A customer's id in the customer's own systems. */
  externalId: 200,
  email: 320,
  /** `segment`, `region` and `plan`. */
  segment: 100,
  /** Stage labels. */
  label: 100,
  channel: 32,
  locale: 8,
  /** Idempotency keys as stored, prefix included (`api:…`, `widget:…`, `link:<survey>:<customer>:<expiry>`). */
  idempotencyKey: 400,
  /** The longest idempotency key a client may send, with the widget's prefix when it adds one. */
  clientKey: 200,
  /** A touchpoint's description. */
  description: 2000,
  /** A journey event's session id and source id. */
  eventKey: 200,
  /** Metric ids in metric settings. */
  metricId: 100,
} as const

/**
 * How long a key may be so that `prefix + key` still fits the idempotency key column.
 *
 * @example
 * keyRoomAfter('link:relationship-nps::') // 377
 */
export function keyRoomAfter(prefix: string | number): number {
  return columnLimits.idempotencyKey - (typeof prefix === 'number' ? prefix : prefix.length)
}

import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely'

/*
 * A query over a million customers runs faster in parts: customers split by id into ranges, each range
 * queried at once on its own connection (SQLite reads on its worker threads, PostgreSQL on its pool),
 * the answers added up by the caller. Every customer lies in exactly one part, so per-customer figures
 * (a customer's summary, how far they came in a funnel) are whole within one part.
 */

/** Characters a split point adds after the ids' common prefix: printable ASCII, never a NUL (PostgreSQL refuses it). */
const firstCharacter = 0x20
const characters = 0x7f - firstCharacter
/** Characters after the ids' common prefix that a split point is placed by: 95⁴ positions. */
const placedCharacters = 4

/**
 * Split points between two ids, spaced evenly by their first characters after the common prefix
 * (read as base-95 numbers): for random ids (UUIDs) and numbered ids the parts hold about equal
 * numbers of customers. Other ids give uneven parts, never wrong ones: see {@link inCustomerPart}.
 *
 * @example
 * splitPointsBetween('c00000000', 'c00999999', 2) // ['c004…']
 */
export function splitPointsBetween(low: string, high: string, parts: number): string[] {
  let common = 0
  while (common < low.length && common < high.length && low[common] === high[common]) common++
  const prefix = low.slice(0, common)
  const positionOf = (id: string) => {
    let position = 0
    for (let k = 0; k < placedCharacters; k++) {
      const code = id.charCodeAt(common + k)
      const digit = Number.isNaN(code) ? 0 : Math.min(Math.max(code - firstCharacter, 0), characters - 1)
      position = position * characters + digit
    }
    return position
  }
  const from = positionOf(low)
  const to = positionOf(high)
  return Array.from({ length: parts - 1 }, (_, k) => {
    let position = Math.floor(from + ((to - from) * (k + 1)) / parts)
    let text = ''
    for (let d = 0; d < placedCharacters; d++) {
      text = String.fromCharCode(firstCharacter + (position % characters)) + text
      position = Math.floor(position / characters)
    }
    return prefix + text
  })
}

/**
 * The condition that puts a customer in part `part` (0-based) of those `splitPoints` make: their id
 * is below the part's split point and at or above every earlier one. Every customer is in exactly one
 * part whatever order the database sorts ids in (a PostgreSQL collation need not be code-point order):
 * it is the first part whose split point lies above the id.
 */
export function inCustomerPart(splitPoints: readonly string[], part: number, column = 'customer_id') {
  return (eb: ExpressionBuilder<any, any>) =>
    eb.and([
      ...splitPoints.slice(0, part).map((point) => eb(column, '>=', point)),
      ...(part < splitPoints.length ? [eb(column, '<', splitPoints[part]!)] : []),
    ])
}

/** Where {@link customerSplitPoints} finds a workspace's customers: a table with `workspace_id` and `customer_id`. */
export interface CustomerPartsSource {
  /** The table, indexed on (workspace_id, customer_id, …) so that the lowest and highest id are two seeks. */
  readonly table: string
  readonly workspace: string
  readonly parts: number
}

/**
 * Split points for `parts` parts of the customers a workspace has rows for in `table`, from the lowest
 * and highest customer id (two index seeks). None when there is one part, or fewer than two customers.
 *
 * @example
 * const points = await customerSplitPoints(db, { table: 'journey_events', workspace: 'acme', parts: 2 })
 * const firstPart = db.selectFrom('journey_events').where(inCustomerPart(points, 0))
 */
export async function customerSplitPoints(db: Kysely<any>, source: CustomerPartsSource): Promise<string[]> {
  const { table, workspace, parts } = source
  if (parts < 2) return []
  // Two queries: with both aggregates in one, SQLite would read the whole index instead of its two ends.
  const end = (fn: 'min' | 'max') =>
    db
      .selectFrom(table)
      .where('workspace_id', '=', workspace)
      .select((eb) => eb.fn[fn]<string | null>('customer_id').as('id'))
      .executeTakeFirst()
  const [low, high] = await Promise.all([end('min'), end('max')])
  if (!low?.id || !high?.id || low.id === high.id) return []
  return splitPointsBetween(low.id, high.id, parts)
}

/** The condition that keeps a query to one part of the customers (over `customer_id`). */
export type CustomerPartCondition = (eb: ExpressionBuilder<any, any>) => Expression<SqlBool>

/**
 * Runs `query` once per part of the customers `source` names, all at once, and returns each part's
 * answer in part order. `customers` is the part's condition, undefined when there is one part (every
 * customer).
 *
 * @example
 * const counts = await inCustomerParts(db, { table: 'journey_events', workspace: 'acme', parts: 2 }, (customers) =>
 *   db.selectFrom('journey_events').$if(customers !== undefined, (q) => q.where(customers!)).select(…).execute())
 */
export async function inCustomerParts<T>(
  db: Kysely<any>,
  source: CustomerPartsSource,
  query: (customers: CustomerPartCondition | undefined) => Promise<T>,
): Promise<T[]> {
  const splitPoints = await customerSplitPoints(db, source)
  return Promise.all(
    Array.from({ length: splitPoints.length + 1 }, (_, part) =>
      query(splitPoints.length > 0 ? inCustomerPart(splitPoints, part) : undefined),
    ),
  )
}

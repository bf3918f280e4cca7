import { type Kysely, type RawBuilder, sql } from 'kysely'
import type { NegativeAnswerRule } from './negative-answer-rules.js'
import type { RiskSignalKind } from './risk-schemas.js'

/** What one page of the list is read with. */
export interface RiskListQuery {
  workspace: string
  rules: readonly NegativeAnswerRule[]
  aliveThreshold: number
  /** Negative answers submitted at or after this ISO instant count. */
  since: string
  signal?: RiskSignalKind
  segment?: string
  /** Only this customer (`customers.id`): the customer page's churn risk. */
  customerId?: string
  limit: number
  offset: number
}

/** One customer as the list's SQL returns it (flags as 0/1, numbers as the driver gives them). */
export interface RiskListRow {
  customer_id: string
  external_id: string
  name: string | null
  email: string | null
  segment: string | null
  low_alive: number | string
  detractor: number | string
  complaint: number | string
  last_signal_at: string
  last_contact_at: string | null
  clv: number | string | null
  probability_alive: number | string | null
  expected_purchases: number | string | null
}

/** A negative answer of a rule: `(a.question_type = 'nps' and a.score <= 6) or …`. */
export function negativeAnswer(rules: readonly NegativeAnswerRule[]): RawBuilder<unknown> {
  return sql`(${sql.join(
    rules.map((rule) => sql`(a.question_type = ${rule.questionType} and a.score <= ${rule.maxScore})`),
    sql` or `,
  )})`
}

/**
 * The customers with at least one signal since their last contact, each with its flags: the latest fit's
 * P(alive) below the threshold (a fit made after the last contact), a negative answer since `since`, and such
 * an answer with an open comment. Everything is filtered and ordered in SQL; the caller gets one page.
 */
function flaggedCustomers(query: RiskListQuery): RawBuilder<unknown> {
  const { workspace, rules } = query
  // One customer's risk (the customer page) reads that customer's rows only, through the customer indexes.
  const only = (column: string) =>
    query.customerId === undefined ? sql`` : sql` and ${sql.ref(column)} = ${query.customerId}`
  const surveySignals =
    rules.length === 0
      ? sql``
      : sql`
    union all
    select r.customer_id, 0, 1,
      case when exists (
        select 1 from surveys_answers o
        where o.response_id = r.id and o.question_type = 'open' and o.text is not null and trim(o.text) <> ''
      ) then 1 else 0 end,
      r.submitted_at
    from surveys_responses r
    join surveys_answers a on a.response_id = r.id
    left join last_contact lc on lc.customer_id = r.customer_id
    where r.workspace_id = ${workspace} and r.customer_id is not null and r.submitted_at >= ${query.since}${only('r.customer_id')}
      and (lc.at is null or r.submitted_at > lc.at) and ${negativeAnswer(rules)}`
  return sql`
    with last_contact as (
      select customer_id, max(contacted_at) as at from churn_clv_contacts
      where workspace_id = ${workspace}${only('customer_id')} group by customer_id
    ),
    signals (customer_id, low_alive, detractor, complaint, signal_at) as (
      select s.customer_id, 1, 0, 0, f.created_at
      from churn_clv_scores s
      join churn_clv_fits f on f.id = s.fit_id
      left join last_contact lc on lc.customer_id = s.customer_id
      where s.workspace_id = ${workspace} and s.probability_alive < ${query.aliveThreshold}${only('s.customer_id')}
        and (lc.at is null or f.created_at > lc.at)
      ${surveySignals}
    ),
    flagged as (
      select customer_id, max(low_alive) as low_alive, max(detractor) as detractor, max(complaint) as complaint,
        max(signal_at) as last_signal_at
      from signals group by customer_id
    )`
}

function filters(query: RiskListQuery): RawBuilder<unknown> {
  const parts = [sql`c.workspace_id = ${query.workspace}`]
  if (query.signal === 'low-p-alive') parts.push(sql`fl.low_alive = 1`)
  if (query.signal === 'recent-detractor') parts.push(sql`fl.detractor = 1`)
  if (query.signal === 'unanswered-complaint') parts.push(sql`fl.complaint = 1`)
  if (query.segment !== undefined) parts.push(sql`c.segment = ${query.segment}`)
  if (query.customerId !== undefined) parts.push(sql`c.id = ${query.customerId}`)
  return sql.join(parts, sql` and `)
}

/**
 * One page of the churn-risk list, ranked: value at stake (CLV × (1 − P(alive))) highest first; customers
 * without a score after every scored one, by number of signals, then latest signal; external id breaks ties.
 *
 * @example
 * const rows = await queryRiskList(db, { workspace: 'acme', rules, aliveThreshold: 0.5, since, limit: 50, offset: 0 })
 */
export async function queryRiskList(db: Kysely<any>, query: RiskListQuery): Promise<RiskListRow[]> {
  const { rows } = await sql<RiskListRow>`
    ${flaggedCustomers(query)}
    select c.id as customer_id, c.external_id, c.name, c.email, c.segment,
      fl.low_alive, fl.detractor, fl.complaint, fl.last_signal_at, lc.at as last_contact_at,
      s.clv, s.probability_alive, s.expected_purchases
    from flagged fl
    join customers c on c.id = fl.customer_id
    left join churn_clv_scores s on s.workspace_id = ${query.workspace} and s.customer_id = fl.customer_id
    left join last_contact lc on lc.customer_id = fl.customer_id
    where ${filters(query)}
    order by case when s.clv is null then 1 else 0 end,
      s.clv * (1 - s.probability_alive) desc,
      fl.low_alive + fl.detractor + fl.complaint desc,
      fl.last_signal_at desc,
      c.external_id
    limit ${query.limit} offset ${query.offset}`.execute(db)
  return rows
}

/**
 * How many customers the list holds with the page's filters.
 *
 * @example
 * await countRiskList(db, query) // 124
 */
export async function countRiskList(db: Kysely<any>, query: RiskListQuery): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`
    ${flaggedCustomers(query)}
    select count(*) as n from flagged fl join customers c on c.id = fl.customer_id
    where ${filters(query)}`.execute(db)
  return Number(rows[0]?.n ?? 0)
}

import { type Kysely, sql } from 'kysely'
import type { NegativeAnswerRule } from './negative-answer-rules.js'
import { negativeAnswer } from './query-risk-list.js'
import { commentExcerpt, evidencePerSignal } from './risk-model.js'
import type { RiskAnswerEvidence } from './risk-schemas.js'

interface EvidenceRow {
  customer_id: string
  response_id: number | string
  question_type: string
  score: number | string
  scale_max: number | string | null
  submitted_at: string
  comment: string | null
}

/**
 * The negative answers behind the page's survey signals, per customer newest first: since `since` and after
 * the customer's last contact, at most {@link evidencePerSignal} with a comment and as many without, so both
 * survey signals have their evidence. One query for the whole page (at most 500 customers).
 *
 * @example
 * const byCustomer = await loadRiskEvidence(db, { workspace: 'acme', rules, since, customerIds })
 */
export async function loadRiskEvidence(
  db: Kysely<any>,
  query: { workspace: string; rules: readonly NegativeAnswerRule[]; since: string; customerIds: readonly string[] },
): Promise<Map<string, RiskAnswerEvidence[]>> {
  const byCustomer = new Map<string, RiskAnswerEvidence[]>()
  if (query.rules.length === 0 || query.customerIds.length === 0) return byCustomer
  const { rows } = await sql<EvidenceRow>`
    with last_contact as (
      select customer_id, max(contacted_at) as at from churn_clv_contacts
      where workspace_id = ${query.workspace} group by customer_id
    ),
    negative as (
      select r.customer_id, r.id as response_id, a.question_type, a.score, a.scale_max, r.submitted_at,
        (select substr(o.text, 1, 400) from surveys_answers o
          where o.response_id = r.id and o.question_type = 'open' and o.text is not null and trim(o.text) <> ''
          order by o.question_id limit 1) as comment
      from surveys_responses r
      join surveys_answers a on a.response_id = r.id
      left join last_contact lc on lc.customer_id = r.customer_id
      where r.workspace_id = ${query.workspace}
        and r.customer_id in (${sql.join([...query.customerIds])})
        and r.submitted_at >= ${query.since}
        and (lc.at is null or r.submitted_at > lc.at)
        and ${negativeAnswer(query.rules)}
    ),
    ranked as (
      select negative.*, row_number() over (
        partition by customer_id, case when comment is null then 0 else 1 end
        order by submitted_at desc, response_id desc, question_type
      ) as position
      from negative
    )
    select customer_id, response_id, question_type, score, scale_max, submitted_at, comment
    from ranked where position <= ${evidencePerSignal}
    order by customer_id, submitted_at desc, response_id desc, question_type`.execute(db)
  for (const row of rows) {
    const list = byCustomer.get(row.customer_id) ?? []
    list.push({
      responseId: Number(row.response_id),
      questionType: row.question_type,
      score: Number(row.score),
      scaleMax: row.scale_max === null ? null : Number(row.scale_max),
      submittedAt: row.submitted_at,
      comment: commentExcerpt(row.comment),
    })
    byCustomer.set(row.customer_id, list)
  }
  return byCustomer
}

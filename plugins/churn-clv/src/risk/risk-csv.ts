import type { PluginContext } from '@cxkit/core'
import { stringify } from 'csv-stringify/sync'
import { type ChurnRiskRequest, listChurnRisk } from './list-churn-risk.js'
import { maxRiskPage, type RiskRow } from './risk-schemas.js'

/** The export's columns, in order. */
export const riskCsvColumns = [
  'rank',
  'customer',
  'name',
  'email',
  'segment',
  'value_at_stake',
  'clv',
  'p_alive',
  'signals',
  'latest_negative_answer_at',
  'latest_comment',
  'last_contact_at',
] as const

/** One list row as the export's cells. */
export function riskCsvRecord(row: RiskRow): (string | number | null)[] {
  const answers = row.signals.flatMap((signal) => ('answers' in signal ? signal.answers : []))
  const latest = answers.reduce<(typeof answers)[number] | undefined>(
    (newest, answer) => (!newest || answer.submittedAt > newest.submittedAt ? answer : newest),
    undefined,
  )
  const commented = answers.find((answer) => answer.comment !== null)
  return [
    row.rank,
    row.customer.externalId,
    row.customer.name,
    row.customer.email,
    row.customer.segment,
    row.valueAtStake,
    row.clv,
    row.probabilityAlive,
    row.signals.map((signal) => signal.kind).join(' '),
    latest?.submittedAt ?? null,
    commented?.comment ?? null,
    row.lastContactAt,
  ]
}

// A cell starting with = + - @ (or a tab or carriage return) gets a leading apostrophe, so a spreadsheet shows
// a customer's words instead of running them as a formula; numbers keep their sign.
const csvOptions = { escape_formulas: true, cast: { number: (value: number) => String(value) } } as const

/**
 * The churn-risk list as CSV, streamed a page of 500 at a time: the header, then the rows in rank order,
 * up to `request.limit` in all. Memory holds one page, never the whole list.
 *
 * @example
 * return c.body(streamRiskCsv(ctx, { workspace: 'acme', limit: 10_000, offset: 0 }), 200, { 'content-type': 'text/csv' })
 */
export function streamRiskCsv(ctx: PluginContext, request: ChurnRiskRequest): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  let offset = 0
  let header = true
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (header) {
        header = false
        controller.enqueue(encoder.encode(stringify([[...riskCsvColumns]], csvOptions)))
        return
      }
      const limit = Math.min(maxRiskPage, request.limit - offset)
      if (limit <= 0) return controller.close()
      const page = await listChurnRisk(ctx, { ...request, limit, offset })
      if (page.rows.length > 0) controller.enqueue(encoder.encode(stringify(page.rows.map(riskCsvRecord), csvOptions)))
      offset += page.rows.length
      if (page.nextOffset === null || page.rows.length < limit) controller.close()
    },
  })
}

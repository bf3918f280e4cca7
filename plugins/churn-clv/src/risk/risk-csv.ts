import type { PluginContext } from '@cxkit/core'
import { stringify } from 'csv-stringify/sync'
import { type ChurnRiskRequest, riskListSlices } from './list-churn-risk.js'
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
 * The churn-risk list as CSV, streamed 500 rows at a time: the header, then the rows in rank order, up to
 * `request.limit` in all (at most 10,000). The list is ranked once (see `riskListSlices`); each slice's
 * evidence is read as the slice is sent.
 *
 * @example
 * return c.body(streamRiskCsv(ctx, { workspace: 'acme', limit: 10_000, offset: 0 }), 200, { 'content-type': 'text/csv' })
 */
export function streamRiskCsv(ctx: PluginContext, request: ChurnRiskRequest): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  let slices: AsyncGenerator<RiskRow[]> | undefined
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!slices) {
        slices = riskListSlices(ctx, request, maxRiskPage)
        controller.enqueue(encoder.encode(stringify([[...riskCsvColumns]], csvOptions)))
        return
      }
      const next = await slices.next()
      if (next.done) return controller.close()
      if (next.value.length > 0)
        controller.enqueue(encoder.encode(stringify(next.value.map(riskCsvRecord), csvOptions)))
    },
    async cancel() {
      await slices?.return(undefined)
    },
  })
}

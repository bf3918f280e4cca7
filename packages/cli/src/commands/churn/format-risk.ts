import type { RiskPage, RiskSignal } from '@cxkit/plugin-churn-clv/schema'

const money = (value: number | null) => (value === null ? '–' : value.toFixed(2))
const share = (value: number | null) => (value === null ? '–' : value.toFixed(2))

/** A signal in a few words, with what it rests on. */
function describeSignal(signal: RiskSignal): string {
  if (signal.kind === 'low-p-alive')
    return `P(alive) ${signal.probabilityAlive.toFixed(2)} < ${signal.threshold} (fit ${signal.fitCreatedAt.slice(0, 10)})`
  const answer = signal.answers[0]
  const what = answer ? ` ${answer.questionType} ${answer.score} on ${answer.submittedAt.slice(0, 10)}` : ''
  const comment = signal.kind === 'unanswered-complaint' && answer?.comment ? `: "${answer.comment}"` : ''
  return `${signal.kind}${what}${comment}`
}

/**
 * The churn-risk list as a terminal table: rank, customer, value at stake, CLV, P(alive), signals.
 *
 * @example
 * process.stdout.write(formatRiskPage(page))
 */
export function formatRiskPage(page: RiskPage): string {
  const fit = page.fit
    ? `fit ${page.fit.id} of ${page.fit.createdAt.slice(0, 10)}, n = ${page.fit.n} customers`
    : 'no CLV fit yet: customers are listed on survey signals only, without value at stake'
  const lines = [`${page.rows.length} of ${page.total} customers at risk; ${fit}`]
  for (const row of page.rows) {
    const who = row.customer.name ? `${row.customer.externalId} (${row.customer.name})` : row.customer.externalId
    lines.push(
      `${String(row.rank).padStart(4)}  ${who}  at stake ${money(row.valueAtStake)}  CLV ${money(row.clv)}  P(alive) ${share(row.probabilityAlive)}`,
    )
    for (const signal of row.signals) lines.push(`        ${describeSignal(signal)}`)
  }
  return `${lines.join('\n')}\n`
}

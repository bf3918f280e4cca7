import type { CustomerSummaryCard, LocalizedText } from '@cxkit/core'
import type { ScoreInterval, ScoreIntervals } from '../clv/score-intervals.js'
import { formatMoney } from '../customer-timeline/format-money.js'
import type { RiskRow, RiskSignalKind } from '../risk/risk-schemas.js'

/** A customer's scores from the latest fit, and the fit's scope. */
export interface CustomerScoresNow {
  expectedPurchases: number
  probabilityAlive: number
  clv: number
  /** 95 % intervals from the fit's parameter uncertainty; null when the fit has none to give. */
  intervals?: ScoreIntervals | null
  fit: { createdAt: string; unit: string; horizon: number; customers: number }
}

const units: Record<string, LocalizedText> = {
  day: { en: 'days', nl: 'dagen' },
  week: { en: 'weeks', nl: 'weken' },
  month: { en: 'months', nl: 'maanden' },
}

const signalLabels: Record<RiskSignalKind, LocalizedText> = {
  'low-p-alive': { en: 'Low P(alive)', nl: 'Lage P(actief)' },
  'recent-detractor': { en: 'Recent detractor', nl: 'Recente criticaster' },
  'unanswered-complaint': { en: 'Unanswered complaint', nl: 'Onbeantwoorde klacht' },
}

const decimal = (value: number, digits: number): LocalizedText => ({
  en: value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits }),
  nl: value.toLocaleString('nl', { minimumFractionDigits: digits, maximumFractionDigits: digits }),
})

/**
 * The CLV cards of the customer page: expected purchases over the fit's horizon in its unit, P(alive) and CLV,
 * each saying which fit (its date), on how many customers it was fitted (n) and, where the fit gives one, its
 * 95 % interval from the parameters' uncertainty. Without a score: one card that says so.
 *
 * @example
 * clvCards(scores, 'EUR').map((card) => card.id) // ['expected-purchases', 'p-alive', 'clv']
 */
export function clvCards(scores: CustomerScoresNow | null, currency: string): CustomerSummaryCard[] {
  if (!scores)
    return [
      {
        id: 'clv',
        label: { en: 'Customer lifetime value', nl: 'Klantwaarde (CLV)' },
        value: { en: 'No score', nl: 'Geen score' },
        detail: {
          en: 'No CLV fit yet, or no purchase before it',
          nl: 'Nog geen CLV-schatting, of geen aankoop ervoor',
        },
      },
    ]
  const { fit } = scores
  const date = fit.createdAt.slice(0, 10)
  const from: LocalizedText = { en: `CLV fit of ${date}`, nl: `CLV-schatting van ${date}` }
  const unit = units[fit.unit] ?? { en: fit.unit, nl: fit.unit }
  const horizon = decimal(fit.horizon, Number.isInteger(fit.horizon) ? 0 : 1)
  const intervals = scores.intervals ?? null
  const within = (interval: ScoreInterval | null | undefined, format: (value: number) => LocalizedText) =>
    interval ? { interval: { lower: format(interval.lower), upper: format(interval.upper) } } : {}
  const money = (value: number) => formatMoney(value, currency)
  const twoDecimals = (value: number) => decimal(value, 2)
  return [
    {
      id: 'expected-purchases',
      label: { en: 'Expected purchases', nl: 'Verwachte aankopen' },
      value: decimal(scores.expectedPurchases, 2),
      detail: { en: `next ${horizon.en} ${unit.en}; ${from.en}`, nl: `komende ${horizon.nl} ${unit.nl}; ${from.nl}` },
      n: fit.customers,
      ...within(intervals?.expectedPurchases, twoDecimals),
    },
    {
      id: 'p-alive',
      label: { en: 'P(alive)', nl: 'P(actief)' },
      value: decimal(scores.probabilityAlive, 2),
      detail: from,
      n: fit.customers,
      ...within(intervals?.probabilityAlive, twoDecimals),
    },
    {
      id: 'clv',
      label: { en: 'CLV', nl: 'CLV' },
      value: money(scores.clv),
      detail: from,
      n: fit.customers,
      ...within(intervals?.clv, money),
    },
  ]
}

/**
 * The churn-risk card: "At risk" with the signals as tags and the value at stake, or "No signals".
 *
 * @example
 * churnRiskCard(row, 'EUR').tags // [{ en: 'Low P(alive)', nl: 'Lage P(actief)' }]
 */
export function churnRiskCard(row: RiskRow | null, currency: string): CustomerSummaryCard {
  const label = { en: 'Churn risk', nl: 'Verlooprisico' }
  if (!row) return { id: 'churn-risk', label, value: { en: 'No signals', nl: 'Geen signalen' } }
  const stake = row.valueAtStake === null ? null : formatMoney(row.valueAtStake, currency)
  return {
    id: 'churn-risk',
    label,
    value: { en: 'At risk', nl: 'Risico' },
    tags: row.signals.map((signal) => signalLabels[signal.kind]),
    ...(stake ? { detail: { en: `Value at stake ${stake.en}`, nl: `Waarde op het spel ${stake.nl}` } } : {}),
  }
}

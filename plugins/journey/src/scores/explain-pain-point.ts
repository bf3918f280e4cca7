import type { MetricUnit } from '@cxkit/core'
import type { PainFinding, PainPoint } from './scores-schema.js'

const locales = ['en', 'nl'] as const
type Locale = (typeof locales)[number]

/**
 * A finding in words, per locale: "Customer satisfaction (CSAT) 31% (n = 40, 95% CI 25–38%) vs 62% for
 * the workspace; 1,200 customers pass (journey events)".
 *
 * @example
 * explainPainPoint(finding, { customers: 1200, source: 'events' }).nl
 */
export function explainPainPoint(finding: PainFinding, reach: PainPoint['reach']): PainPoint['explanation'] {
  const text = {} as Record<Locale, string>
  for (const locale of locales) {
    const format = (value: number) => formatValue(value, finding.metric.unit, locale)
    const label = finding.metric.label[locale] ?? finding.metric.label.en
    const interval = finding.interval
      ? `${words[locale].ci} ${format(finding.interval.lower)}–${format(finding.interval.upper)}`
      : words[locale].noInterval
    const customers = new Intl.NumberFormat(locale).format(reach.customers)
    text[locale] =
      `${label} ${format(finding.value!)} (n = ${new Intl.NumberFormat(locale).format(finding.n)}, ${interval}) ` +
      `${words[locale].versus(format(finding.workspaceValue))}; ${words[locale].pass(customers, reach.source)}`
  }
  return text
}

const words: Record<
  Locale,
  {
    ci: string
    noInterval: string
    versus: (value: string) => string
    pass: (n: string, source: PainPoint['reach']['source']) => string
  }
> = {
  en: {
    ci: '95% CI',
    noInterval: 'no interval',
    versus: (value) => `vs ${value} for the workspace`,
    pass: (n, source) =>
      source === 'events' ? `${n} customers pass (journey events)` : `${n} answers (no journey events)`,
  },
  nl: {
    ci: '95%-BI',
    noInterval: 'geen interval',
    versus: (value) => `tegen ${value} voor de werkruimte`,
    pass: (n, source) =>
      source === 'events'
        ? `${n} klanten komen hier langs (klantreisgebeurtenissen)`
        : `${n} antwoorden (geen klantreisgebeurtenissen)`,
  },
}

/** A value as the metric's unit reads: shares as percentages, durations in seconds, scores with one decimal. */
function formatValue(value: number, unit: MetricUnit, locale: Locale): string {
  if (unit === 'ratio')
    return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value)
  if (unit === 'count') return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value)
  const number = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value)
  return unit === 'duration' ? `${number} s` : number
}

import type { Translator } from '@cxkit/ui/i18n'

/** A share as the analysis routes answer it: value, sample size and 95 % interval. */
export interface ShareLike {
  value: number | null
  n: number
  interval: { lower: number; upper: number } | null
}

/** Below this many customers a share is drawn as uncertain, whatever its interval. */
export const smallSample = 30

/** An interval wider than this (in share points) is drawn as uncertain too. */
const wideInterval = 0.2

/**
 * Whether a share is too unsure to read as a figure: few customers, or an interval wider than 20 points.
 *
 * @example
 * isUncertain({ value: 0.5, n: 8, interval: { lower: 0.22, upper: 0.78 } }) // true
 */
export function isUncertain(share: ShareLike): boolean {
  if (share.value === null || share.n < smallSample) return true
  return share.interval !== null && share.interval.upper - share.interval.lower > wideInterval
}

/**
 * A share with its interval and n, never a bare percentage.
 *
 * @example
 * formatShare(createTranslator('en'), { value: 0.62, n: 120, interval: { lower: 0.53, upper: 0.7 } })
 * // '62.0% (95% CI 53.0–70.0%) · n = 120'
 */
export function formatShare(i18n: Translator, share: ShareLike): string {
  const n = `n = ${i18n.number(share.n, 0)}`
  if (share.value === null) return `– · ${n}`
  const interval = share.interval
    ? ` (${i18n.t('metric.ci')} ${i18n.percent(share.interval.lower).replace(/\s?%$/, '')}–${i18n.percent(share.interval.upper)})`
    : ''
  return `${i18n.percent(share.value)}${interval} · ${n}`
}

/**
 * A duration in milliseconds in its largest sensible unit: minutes, hours or days.
 *
 * @example
 * formatDuration(createTranslator('en'), 90 * 60_000) // '1.5 h'
 */
export function formatDuration(i18n: Translator, ms: number): string {
  if (ms < 3_600_000) return `${i18n.number(ms / 60_000, 0)} min`
  if (ms < 86_400_000) return `${i18n.number(ms / 3_600_000, 1)} h`
  return `${i18n.number(ms / 86_400_000, 1)} d`
}

import type { MetricBreakdownRow, MetricResult } from '@cxkit/core'
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { createTranslator } from '../i18n/translator.js'
import { themeStyles } from './theme.js'
import './cx-sparkline.js'

/**
 * A metric's headline: the value, a sparkline of its trend, its 95 % interval and n, and the change
 * against the previous period. Ratios show as percentages, scores as numbers; no data shows as a
 * dash with a note, never as 0.
 *
 * @example
 * html`<cx-metric-card unit="ratio" .result=${result} locale="nl"></cx-metric-card>`
 */
@customElement('cx-metric-card')
export class CxMetricCard extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host { display: block; }
      .headline { display: flex; align-items: center; gap: 14px; }
      .value { font-size: 2.4rem; font-weight: 700; line-height: 1.1; font-variant-numeric: tabular-nums; }
      .meta { color: var(--_muted); font-size: 0.85rem; margin-top: 4px; display: flex; gap: 12px; flex-wrap: wrap; }
      .below { color: var(--_bad); }
      .change { font-size: 0.85rem; margin-top: 6px; display: flex; gap: 8px; flex-wrap: wrap; align-items: baseline; }
      .change .better { color: var(--_good); font-weight: 600; }
      .change .worse { color: var(--_bad); font-weight: 600; }
      .change .verdict { color: var(--_muted); }
      .above { color: var(--_good); }
    `,
  ]

  @property({ attribute: false }) accessor result: MetricResult | null = null
  @property() accessor unit: 'ratio' | 'score' | 'count' | 'currency' | 'duration' = 'score'
  @property() accessor locale = 'en'
  /** An optional target in the metric's unit; the value is coloured against it. */
  @property({ type: Number }) accessor target: number | null = null
  @property() accessor direction: 'higher-is-better' | 'lower-is-better' | 'neutral' = 'higher-is-better'
  /** The metric per period, oldest first (the trend query's breakdown); a sparkline from two periods on. */
  @property({ attribute: false }) accessor trend: MetricBreakdownRow[] = []

  private format(value: number): string {
    const i18n = createTranslator(this.locale)
    return this.unit === 'ratio' ? i18n.percent(value) : i18n.number(value, this.unit === 'count' ? 0 : 1)
  }

  private targetClass(value: number): string {
    if (this.target === null || this.direction === 'neutral') return ''
    const good = this.direction === 'higher-is-better' ? value >= this.target : value <= this.target
    return good ? 'above' : 'below'
  }

  private renderSparkline() {
    const values = this.trend.map((row) => row.value)
    const present = values.filter((value): value is number => value !== null)
    if (values.length < 2 || present.length === 0) return ''
    const i18n = createTranslator(this.locale)
    const label = i18n.t('metric.trend', {
      count: values.length,
      first: this.format(present[0]!),
      last: this.format(present.at(-1)!),
    })
    return html`<cx-sparkline .values=${values} label=${label}></cx-sparkline>`
  }

  /** The change against the previous period: arrow, amount, and whether it means anything. */
  private renderChange() {
    const comparison = this.result?.comparison
    if (!comparison || comparison.change === null) return nothing
    const i18n = createTranslator(this.locale)
    const { change } = comparison
    const better = this.direction === 'lower-is-better' ? change < 0 : change > 0
    const arrow = change > 0 ? '▲' : change < 0 ? '▼' : '■'
    const amount =
      this.unit === 'ratio'
        ? `${change > 0 ? '+' : ''}${i18n.number(change * 100, 1)} pp`
        : `${change > 0 ? '+' : ''}${i18n.number(change, 1)}`
    const verdict =
      comparison.warning === 'too-few-answers'
        ? i18n.t('metric.tooFew')
        : comparison.significant
          ? i18n.t('metric.significant', {
              p: (comparison.pValue ?? 0) < 0.001 ? '< 0.001' : `= ${i18n.number(comparison.pValue ?? 0, 3)}`,
            })
          : i18n.t('metric.notSignificant')
    return html`<div class="change" data-significant=${String(comparison.significant)}>
      <span class=${change === 0 ? '' : better ? 'better' : 'worse'}>${arrow} ${i18n.t('metric.change', { change: amount })}</span>
      <span class="verdict">${comparison.significant ? '● ' : ''}${verdict}</span>
    </div>`
  }

  override render() {
    const i18n = createTranslator(this.locale)
    const result = this.result
    if (!result) return html`<div class="meta">${i18n.t('panel.loading')}</div>`
    if (result.value === null) {
      return html`<div class="value" data-value="">–</div><div class="meta">${i18n.t('panel.noData')}</div>`
    }
    const interval = result.interval
    return html`
      <div class="headline">
        <div class="value ${this.targetClass(result.value)}" data-value=${result.value}>${this.format(result.value)}</div>
        ${this.renderSparkline()}
      </div>
      <div class="meta">
        <span data-n=${result.n}>${i18n.t('metric.nItems', { n: i18n.number(result.n) })}</span>
        ${
          interval
            ? html`<span>${i18n.t('metric.interval', { lower: this.format(interval.lower), upper: this.format(interval.upper) })}</span>`
            : nothing
        }
        ${this.target !== null ? html`<span>${i18n.t('metric.target', { target: this.format(this.target) })}</span>` : nothing}
      </div>
      ${this.renderChange()}
    `
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-metric-card': CxMetricCard
  }
}

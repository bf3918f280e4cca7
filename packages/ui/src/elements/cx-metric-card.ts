import type { MetricResult } from '@cxkit/core'
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { createTranslator } from '../i18n/translator.js'
import { themeStyles } from './theme.js'

/**
 * A metric's headline: the value, its 95 % interval and n. Ratios show as percentages, scores as
 * numbers; no data shows as a dash with a note, never as 0.
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
      .value { font-size: 2.4rem; font-weight: 700; line-height: 1.1; font-variant-numeric: tabular-nums; }
      .meta { color: var(--_muted); font-size: 0.85rem; margin-top: 4px; display: flex; gap: 12px; flex-wrap: wrap; }
      .below { color: var(--_bad); }
      .above { color: var(--_good); }
    `,
  ]

  @property({ attribute: false }) accessor result: MetricResult | null = null
  @property() accessor unit: 'ratio' | 'score' | 'count' | 'currency' | 'duration' = 'score'
  @property() accessor locale = 'en'
  /** An optional target in the metric's unit; the value is coloured against it. */
  @property({ type: Number }) accessor target: number | null = null
  @property() accessor direction: 'higher-is-better' | 'lower-is-better' | 'neutral' = 'higher-is-better'

  private format(value: number): string {
    const i18n = createTranslator(this.locale)
    return this.unit === 'ratio' ? i18n.percent(value) : i18n.number(value, this.unit === 'count' ? 0 : 1)
  }

  private targetClass(value: number): string {
    if (this.target === null || this.direction === 'neutral') return ''
    const good = this.direction === 'higher-is-better' ? value >= this.target : value <= this.target
    return good ? 'above' : 'below'
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
      <div class="value ${this.targetClass(result.value)}" data-value=${result.value}>${this.format(result.value)}</div>
      <div class="meta">
        <span data-n=${result.n}>${i18n.t('metric.nItems', { n: i18n.number(result.n) })}</span>
        ${interval
          ? html`<span>${i18n.t('metric.interval', { lower: this.format(interval.lower), upper: this.format(interval.upper) })}</span>`
          : nothing}
        ${this.target !== null ? html`<span>${i18n.t('metric.target', { target: this.format(this.target) })}</span>` : nothing}
      </div>
    `
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-metric-card': CxMetricCard
  }
}

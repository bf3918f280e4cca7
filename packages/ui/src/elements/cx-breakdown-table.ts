import type { MetricBreakdownRow } from '@cxkit/core'
import { LitElement, css, html } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { formatGroupKey } from '../i18n/format-group-key.js'
import { createTranslator } from '../i18n/translator.js'
import { themeStyles } from './theme.js'

/**
 * A metric's breakdown as a compact table: group, value (with interval on hover), n.
 *
 * @example
 * html`<cx-breakdown-table unit="ratio" .rows=${result.breakdown}></cx-breakdown-table>`
 */
@customElement('cx-breakdown-table')
export class CxBreakdownTable extends LitElement {
  static override styles = [
    themeStyles,
    css`
      table { width: 100%; border-collapse: collapse; font-size: 0.85rem; font-variant-numeric: tabular-nums; }
      th, td { padding: 4px 6px; text-align: right; border-bottom: 1px solid var(--_border); }
      th:first-child, td:first-child { text-align: left; }
      th { color: var(--_muted); font-weight: 500; }
    `,
  ]

  @property({ attribute: false }) accessor rows: MetricBreakdownRow[] = []
  @property() accessor unit: 'ratio' | 'score' | 'count' | 'currency' | 'duration' = 'score'
  @property() accessor locale = 'en'
  /** How the rows were grouped, so period keys read as "Q2 2026". */
  @property() accessor groupBy = ''

  override render() {
    const i18n = createTranslator(this.locale)
    const format = (value: number) => (this.unit === 'ratio' ? i18n.percent(value) : i18n.number(value, 1))
    return html`<table>
      <thead><tr><th>${i18n.t('breakdown.key')}</th><th>${i18n.t('breakdown.value')}</th><th>${i18n.t('breakdown.n')}</th></tr></thead>
      <tbody>
        ${this.rows.map(
          (row) => html`<tr>
            <td>${formatGroupKey(row.key, this.groupBy, this.locale)}</td>
            <td title=${row.interval ? `${format(row.interval.lower)} – ${format(row.interval.upper)}` : ''}>
              ${row.value === null ? '–' : format(row.value)}
            </td>
            <td>${i18n.number(row.n)}</td>
          </tr>`,
        )}
      </tbody>
    </table>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-breakdown-table': CxBreakdownTable
  }
}

import type { MetricBreakdownRow } from '@cxkit/core'
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { formatBreakdownLabel } from '../i18n/format-breakdown-label.js'
import { createTranslator } from '../i18n/translator.js'
import { themeStyles } from './theme.js'

type SortKey = 'key' | 'value' | 'n'

/**
 * A metric's breakdown as a table: group, value (interval on hover), n. Headers sort (click again to
 * reverse); with `drillable`, a row click fires `cx-drill` with the row's key (not on the group without a
 * value: no filter selects it).
 *
 * @example
 * html`<cx-breakdown-table unit="ratio" drillable .rows=${result.breakdown} @cx-drill=${onDrill}></cx-breakdown-table>`
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
      th button { all: unset; cursor: pointer; }
      th button:focus-visible { outline: 2px solid var(--_primary); }
      tr.drill { cursor: pointer; }
      tr.drill:hover td { background: color-mix(in srgb, var(--_primary) 6%, transparent); }
    `,
  ]

  @property({ attribute: false }) accessor rows: MetricBreakdownRow[] = []
  @property() accessor unit: 'ratio' | 'score' | 'count' | 'currency' | 'duration' = 'score'
  @property() accessor locale = 'en'
  /** How the rows were grouped, so period keys read as "Q2 2026". */
  @property() accessor groupBy = ''
  @property({ type: Boolean }) accessor drillable = false
  @state() private accessor sortBy: SortKey = 'key'
  @state() private accessor descending = false

  private sortOn(key: SortKey) {
    if (this.sortBy === key) this.descending = !this.descending
    else {
      this.sortBy = key
      this.descending = key !== 'key'
    }
  }

  private sorted(): MetricBreakdownRow[] {
    const direction = this.descending ? -1 : 1
    return [...this.rows].sort((a, b) => {
      if (this.sortBy === 'key') return a.key.localeCompare(b.key) * direction
      return ((a[this.sortBy] ?? Number.NEGATIVE_INFINITY) - (b[this.sortBy] ?? Number.NEGATIVE_INFINITY)) * direction
    })
  }

  private header(key: SortKey, label: string) {
    const sort = this.sortBy === key ? (this.descending ? 'descending' : 'ascending') : 'none'
    return html`<th aria-sort=${sort}><button @click=${() => this.sortOn(key)}>${label}${sort === 'none' ? '' : sort === 'ascending' ? ' ▲' : ' ▼'}</button></th>`
  }

  override render() {
    const i18n = createTranslator(this.locale)
    const format = (value: number) => (this.unit === 'ratio' ? i18n.percent(value) : i18n.number(value, 1))
    const drill = (row: MetricBreakdownRow) =>
      this.dispatchEvent(
        new CustomEvent('cx-drill', {
          detail: { key: row.keys?.[0] ?? row.key, label: row.key },
          bubbles: true,
          composed: true,
        }),
      )
    const drillable = (row: MetricBreakdownRow) => this.drillable && row.keys?.[0] !== null
    return html`<table>
      <thead><tr>${this.header('key', i18n.t('breakdown.key'))}${this.header('value', i18n.t('breakdown.value'))}${this.header('n', i18n.t('breakdown.n'))}</tr></thead>
      <tbody>
        ${this.sorted().map(
          (
            row,
          ) => html`<tr class=${drillable(row) ? 'drill' : ''} @click=${drillable(row) ? () => drill(row) : nothing} data-key=${row.key}>
            <td>${formatBreakdownLabel(row, this.groupBy, this.locale)}</td>
            <td title=${row.interval ? `${format(row.interval.lower)} – ${format(row.interval.upper)}` : ''}>${row.value === null ? '–' : format(row.value)}</td>
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

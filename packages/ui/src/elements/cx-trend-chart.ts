/// <reference path="./inline-css.d.ts" />
import type { MetricBreakdownRow } from '@cxkit/core'
import { LitElement, css, html, unsafeCSS } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import uPlot from 'uplot'
import uPlotStyles from 'uplot/dist/uPlot.min.css?inline'
import { themeStyles } from './theme.js'

/**
 * A metric over time: the value as a line and its 95 % interval as a band around it, drawn with
 * uPlot. Rows are a breakdown by period (`key` is the period start, `2026-01-05`).
 *
 * @example
 * html`<cx-trend-chart .rows=${byWeek.breakdown} unit="score" height="120"></cx-trend-chart>`
 */
@customElement('cx-trend-chart')
export class CxTrendChart extends LitElement {
  static override styles = [
    themeStyles,
    unsafeCSS(uPlotStyles),
    css`
      :host { display: block; }
      .u-legend { display: none; }
    `,
  ]

  @property({ attribute: false }) accessor rows: MetricBreakdownRow[] = []
  @property() accessor unit: 'ratio' | 'score' | 'count' | 'currency' | 'duration' = 'score'
  @property({ type: Number }) accessor height = 120

  private chart: uPlot | null = null
  private readonly resize = new ResizeObserver(() =>
    this.chart?.setSize({ width: this.clientWidth, height: this.height }),
  )

  override connectedCallback(): void {
    super.connectedCallback()
    this.resize.observe(this)
  }

  override disconnectedCallback(): void {
    this.resize.disconnect()
    this.chart?.destroy()
    this.chart = null
    super.disconnectedCallback()
  }

  override render() {
    return html`<div class="plot" role="img" aria-label="trend"></div>`
  }

  override updated(): void {
    this.chart?.destroy()
    const target = this.renderRoot.querySelector<HTMLElement>('.plot')!
    const rows = this.rows.filter((row) => row.value !== null)
    if (rows.length === 0) {
      this.chart = null
      return
    }
    const scale = this.unit === 'ratio' ? 100 : 1
    const x = rows.map((row) => Date.parse(`${row.keys?.[0] ?? row.key}T00:00:00Z`) / 1000)
    const value = rows.map((row) => row.value! * scale)
    const lower = rows.map((row) => (row.interval ? row.interval.lower * scale : row.value! * scale))
    const upper = rows.map((row) => (row.interval ? row.interval.upper * scale : row.value! * scale))
    const primary = getComputedStyle(this).getPropertyValue('--cx-color-primary').trim() || '#1f5eff'
    this.chart = new uPlot(
      {
        width: this.clientWidth || 300,
        height: this.height,
        legend: { show: false },
        cursor: { show: true, points: { show: false } },
        scales: { x: { time: true } },
        axes: [
          { size: 28, font: '11px system-ui' },
          { size: 40, font: '11px system-ui' },
        ],
        series: [
          {},
          { label: 'upper', stroke: 'transparent', points: { show: false } },
          { label: 'value', stroke: primary, width: 2, points: { show: rows.length < 30 } },
          { label: 'lower', stroke: 'transparent', points: { show: false } },
        ],
        bands: [{ series: [1, 3], fill: `${primary}22` }],
      },
      [x, upper, value, lower],
      target,
    )
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-trend-chart': CxTrendChart
  }
}

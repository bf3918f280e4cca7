import { LitElement, css, svg } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { sparklineSegments } from './sparkline-segments.js'
import { themeStyles } from './theme.js'

const width = 96
const height = 28

/**
 * A word-sized trend line: the shape of a metric over its periods, beside its value. The full chart
 * with intervals is `<cx-trend-chart>`; this one only shows the direction, so it needs no axes.
 *
 * @example
 * html`<cx-sparkline .values=${[31, 28, 35]} label="NPS by week: 31 to 35"></cx-sparkline>`
 */
@customElement('cx-sparkline')
export class CxSparkline extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host { display: inline-block; vertical-align: middle; }
      svg { display: block; overflow: visible; }
      polyline { fill: none; stroke: var(--_primary); stroke-width: 1.5; stroke-linejoin: round; stroke-linecap: round; }
      circle { fill: var(--_primary); }
    `,
  ]

  /** One value per period, oldest first; null for a period without data. */
  @property({ attribute: false }) accessor values: (number | null)[] = []
  /** What the line shows, for screen readers. */
  @property() accessor label = ''

  override render() {
    const segments = sparklineSegments(this.values, width, height)
    const last = segments.at(-1)?.split(' ').at(-1)?.split(',').map(Number)
    return svg`<svg width=${width} height=${height} viewBox="0 0 ${width} ${height}" role="img" aria-label=${this.label} data-points=${this.values.length}>
      ${segments.map((points) => svg`<polyline points=${points}></polyline>`)}
      ${last ? svg`<circle cx=${last[0]!} cy=${last[1]!} r="2"></circle>` : ''}
    </svg>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-sparkline': CxSparkline
  }
}

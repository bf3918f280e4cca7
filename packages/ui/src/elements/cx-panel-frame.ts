import { LitElement, css, html } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { themeStyles } from './theme.js'

/**
 * The frame every dashboard panel sits in: a titled card with a body slot.
 *
 * @example
 * html`<cx-panel-frame heading="NPS"><cx-metric-card …></cx-metric-card></cx-panel-frame>`
 */
@customElement('cx-panel-frame')
export class CxPanelFrame extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host { display: block; }
      section {
        background: var(--_surface);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: 16px 20px;
        height: 100%;
        box-sizing: border-box;
      }
      h2 { font-size: 0.95rem; font-weight: 600; margin: 0 0 12px; color: var(--_muted); letter-spacing: 0.01em; }
    `,
  ]

  @property() accessor heading = ''

  override render() {
    return html`<section aria-label=${this.heading}><h2>${this.heading}</h2><slot></slot></section>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-panel-frame': CxPanelFrame
  }
}

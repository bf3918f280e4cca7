import { LitElement, css, html } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { createTranslator } from '../i18n/translator.js'
import { themeStyles } from './theme.js'

/**
 * What the dashboard shows instead of a panel that failed to load, define itself or render:
 * the rest of the dashboard keeps working.
 *
 * @example
 * html`<cx-panel-error plugin="nps" message="module not found"></cx-panel-error>`
 */
@customElement('cx-panel-error')
export class CxPanelError extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host { display: block; }
      div { border: 1px dashed var(--_bad); border-radius: var(--_radius); padding: 16px; color: var(--_bad); font-size: 0.9rem; }
    `,
  ]

  @property() accessor plugin = ''
  @property() accessor message = ''
  @property() accessor locale = 'en'

  override render() {
    const i18n = createTranslator(this.locale)
    return html`<div role="alert">
      ${this.plugin ? i18n.t('panel.errorPlugin', { plugin: this.plugin, message: this.message }) : i18n.t('panel.error')}
    </div>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-panel-error': CxPanelError
  }
}

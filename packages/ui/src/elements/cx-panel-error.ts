import { LitElement, css, html, nothing } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { createTranslator } from '../i18n/translator.js'
import { themeStyles } from './theme.js'

/**
 * What the dashboard shows instead of a panel that failed to load, define itself or render:
 * the rest of the dashboard keeps working.
 *
 * @example
 * html`<cx-panel-error plugin="nps" tag="cx-nps-panel" message="module not found"></cx-panel-error>`
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
  /** The panel's tag, named in the card so the plugin's author knows which element failed. */
  @property() accessor tag = ''
  @property() accessor message = ''
  @property() accessor locale = 'en'

  override render() {
    const i18n = createTranslator(this.locale)
    const { plugin, tag, message } = this
    return html`<div role="alert" data-plugin=${plugin || nothing} data-tag=${tag || nothing}>
      ${
        plugin && tag
          ? i18n.t('panel.errorPanel', { plugin, tag: `<${tag}>`, message })
          : plugin
            ? i18n.t('panel.errorPlugin', { plugin, message })
            : i18n.t('panel.error')
      }
    </div>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-panel-error': CxPanelError
  }
}

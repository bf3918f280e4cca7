import { type ApiClient, createTranslator, themeStyles } from '@cxkit/ui'
import { LitElement, css, html } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import './cx-workspace-form.js'
import './workspace-messages.js'

/** What a new install shows instead of the dashboard: the form for its first workspace. */
@customElement('cx-first-start')
export class CxFirstStart extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host { display: block; max-width: 560px; margin: 48px auto; }
      h1 { font-size: 1.6rem; margin: 0 0 8px; }
      p { color: var(--_muted); margin: 0 0 24px; }
    `,
  ]

  @property({ attribute: false }) accessor api: ApiClient | undefined
  @property() accessor locale = 'en'
  @property() accessor product = 'cxkit'

  override render() {
    const i18n = createTranslator(this.locale)
    return html`<h1>${i18n.t('workspaces:firstStart.heading', { product: this.product })}</h1>
      <p>${i18n.t('workspaces:firstStart.intro')}</p>
      <cx-workspace-form .api=${this.api} locale=${this.locale}></cx-workspace-form>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-first-start': CxFirstStart
  }
}

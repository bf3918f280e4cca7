import { consume } from '@lit/context'
import { createTranslator, localeContext, localizeText, type PluginDescription, themeStyles } from '@cxkit/ui'
import { LitElement, css, html } from 'lit'
import { customElement, property } from 'lit/decorators.js'

/** The registry as a list: what is enabled, at which version, with which metrics. */
@customElement('cx-plugins-page')
export class CxPluginsPage extends LitElement {
  static override styles = [
    themeStyles,
    css`
      h1 { font-size: 1.4rem; margin: 0 0 16px; }
      ul { list-style: none; padding: 0; display: grid; gap: 12px; }
      li { background: var(--_surface); border: 1px solid var(--_border); border-radius: var(--_radius); padding: 12px 16px; }
      .id { font-weight: 600; }
      .meta { color: var(--_muted); font-size: 0.85rem; }
    `,
  ]

  @property({ attribute: false }) accessor plugins: PluginDescription[] = []
  @consume({ context: localeContext, subscribe: true })
  @property()
  accessor locale = 'en'

  override render() {
    const i18n = createTranslator(this.locale)
    return html`<h1>${i18n.t('plugins.heading')}</h1>
      <ul>
        ${this.plugins.map(
          (plugin) => html`<li data-plugin=${plugin.id}>
            <span class="id">${plugin.id}</span> <span class="meta">${plugin.version}</span>
            <div>${plugin.description ? localizeText(plugin.description, this.locale) : ''}</div>
            <div class="meta">
              ${i18n.t('plugins.metrics', { count: plugin.metrics.length })}
              ${plugin.dependsOn.length ? ` · ${i18n.t('plugins.dependsOn', { list: plugin.dependsOn.join(', ') })}` : ''}
            </div>
          </li>`,
        )}
      </ul>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-plugins-page': CxPluginsPage
  }
}

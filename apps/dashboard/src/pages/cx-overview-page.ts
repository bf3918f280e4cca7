import { consume } from '@lit/context'
import { createTranslator, localeContext, localizeText, type PluginDescription, themeStyles } from '@cxkit/ui'
import { LitElement, css, html } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { PanelState } from '../load-panels.js'
import { panelFailureMessage } from '../panel-failure-message.js'

type PanelElement = HTMLElement & Record<string, unknown>

/**
 * The overview: every panel of every enabled plugin, in registry order. Panel elements are created
 * once and then only handed their registry entry (metric, props, title), so they keep their state across
 * re-renders; workspace, period, locale and API client reach them through the shell's context. A panel
 * that fails to load or to render becomes a <cx-panel-error> naming its plugin and tag; the others keep
 * working.
 */
@customElement('cx-overview-page')
export class CxOverviewPage extends LitElement {
  static override styles = [
    themeStyles,
    css`
      h1 { font-size: 1.4rem; margin: 0 0 16px; }
      .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: 16px; }
      .wide { grid-column: 1 / -1; }
      p { color: var(--_muted); }
    `,
  ]

  @property({ attribute: false }) accessor plugins: PluginDescription[] = []
  @property({ attribute: false }) accessor panelStates = new Map<string, PanelState>()
  @consume({ context: localeContext, subscribe: true })
  @property()
  accessor locale = 'en'
  @state() private accessor renderFailures = new Map<string, string>()

  private readonly elements = new Map<string, PanelElement>()

  /** One element per panel entry: several entries may share a tag (`<cx-metric-panel>` for each metric). */
  private panelElement(key: string, tag: string, props: Record<string, unknown>): PanelElement {
    let element = this.elements.get(key)
    if (!element) {
      element = document.createElement(tag) as PanelElement
      element.dataset.panel = tag
      this.elements.set(key, element)
    }
    Object.assign(element, props)
    const update = (element as unknown as { updateComplete?: Promise<unknown> }).updateComplete
    update?.catch((error: Error) => {
      this.renderFailures = new Map(this.renderFailures).set(key, error.message)
    })
    return element
  }

  override render() {
    const i18n = createTranslator(this.locale)
    const panels = this.plugins.flatMap((plugin) => plugin.panels)
    return html`
      <h1>${i18n.t('overview.heading')}</h1>
      ${panels.length === 0 && this.plugins.length > 0 ? html`<p>${i18n.t('overview.empty')}</p>` : ''}
      <div class="grid">
        ${panels.map((panel) => {
          const key = `${panel.plugin}/${panel.tag}/${panel.metric ?? ''}`
          const loaded = this.panelStates.get(panel.tag)
          const failure =
            loaded?.status === 'failed' ? panelFailureMessage(loaded, panel.tag, i18n) : this.renderFailures.get(key)
          const heading = localizeText(panel.title, this.locale)
          const content = failure
            ? html`<cx-panel-error plugin=${panel.plugin} tag=${panel.tag} message=${failure} locale=${this.locale}></cx-panel-error>`
            : !loaded
              ? html`<cx-panel-frame heading=${heading}><cx-metric-card locale=${this.locale}></cx-metric-card></cx-panel-frame>`
              : this.panelElement(key, panel.tag, {
                  ...panel.props,
                  ...(panel.metric ? { metric: panel.metric } : {}),
                  heading,
                })
          return html`<div class=${panel.size === 'wide' ? 'wide' : ''}>${content}</div>`
        })}
      </div>
    `
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-overview-page': CxOverviewPage
  }
}

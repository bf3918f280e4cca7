import {
  type ApiClient,
  createApiClient,
  createTranslator,
  type DashboardPeriod,
  type PluginDescription,
  themeStyles,
} from '@cxkit/ui'
import { LitElement, css, html } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { PanelState } from '../load-panels.js'

type PanelElement = HTMLElement & Record<string, unknown>

/**
 * The overview: every panel of every enabled plugin, in registry order. Panel elements are created
 * once and then only handed new properties, so they keep their state across re-renders. A panel
 * that fails to load or to render becomes a <cx-panel-error>; the others keep working.
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
  @property({ attribute: false }) accessor period: DashboardPeriod = { from: '', to: '' }
  @property({ attribute: false }) accessor api: ApiClient = createApiClient()
  @property() accessor workspace = ''
  @property() accessor locale = 'en'
  @state() private accessor renderFailures = new Map<string, string>()

  private readonly elements = new Map<string, PanelElement>()

  private panelElement(tag: string, props: Record<string, unknown>): PanelElement {
    let element = this.elements.get(tag)
    if (!element) {
      element = document.createElement(tag) as PanelElement
      element.dataset.panel = tag
      this.elements.set(tag, element)
    }
    Object.assign(element, props)
    const update = (element as unknown as { updateComplete?: Promise<unknown> }).updateComplete
    update?.catch((error: Error) => {
      this.renderFailures = new Map(this.renderFailures).set(tag, error.message)
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
          const loaded = this.panelStates.get(panel.tag)
          const failure = loaded?.status === 'failed' ? loaded.message : this.renderFailures.get(panel.tag)
          const content = failure
            ? html`<cx-panel-error plugin=${panel.plugin} message=${failure} locale=${this.locale}></cx-panel-error>`
            : this.panelElement(panel.tag, {
                ...panel.props,
                workspace: this.workspace,
                period: this.period,
                locale: this.locale,
                api: this.api,
                heading: panel.title[this.locale as 'en'] ?? panel.title.en,
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

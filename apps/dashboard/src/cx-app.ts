import {
  type ApiClient,
  createApiClient,
  createTranslator,
  DashboardContextProvider,
  localizeText,
  type PluginDescription,
  preferredLocale,
  resolveLocale,
  themeStyles,
  type UiLocale,
  type WorkspaceSummary,
} from '@cxkit/ui'
import { LitElement, css, html, nothing } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import { app, panelModules } from 'virtual:cxkit-app'
import { loadPanels, type PanelState } from './load-panels.js'
import { panelFailureMessage } from './panel-failure-message.js'
import './pages/cx-overview-page.js'
import './pages/cx-plugins-page.js'
import { customersRoute, renderCustomersRoute } from './pages/customers/customers-route.js'
import { periodEndingToday, periodOptions } from './period-options.js'
import './workspaces/cx-first-start.js'
import './workspaces/cx-workspace-settings-page.js'

/** `overview`, `plugins`, `workspace` (its settings), `customers…` (see `customersRoute`), or `p/<path>` for a page a plugin contributes. */
type Page = string

const stored = {
  get: (key: string) => globalThis.localStorage?.getItem(`cxkit.${key}`) ?? null,
  set: (key: string, value: string) => globalThis.localStorage?.setItem(`cxkit.${key}`, value),
}

function pageFromHash(): Page {
  const page = location.hash.replace(/^#\//, '')
  return page === 'plugins' || page === 'workspace' || page.startsWith('p/') || customersRoute(page) ? page : 'overview'
}

/**
 * The dashboard shell: navigation, workspace and language switchers, the period, and the page.
 * It reads the registry once and provides it, the API client, the workspace, the period and the locale
 * as context (`apiContext` and the others from @cxkit/ui) to every page and panel below it.
 */
@customElement('cx-app')
export class CxApp extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host { display: block; min-height: 100vh; }
      header { display: flex; align-items: center; gap: 24px; padding: 12px 24px; background: var(--_surface); border-bottom: 1px solid var(--_border); flex-wrap: wrap; }
      .brand { font-weight: 700; font-size: 1.1rem; color: var(--_primary); }
      nav { display: flex; gap: 4px; }
      nav a { padding: 6px 12px; border-radius: 6px; color: var(--_text); text-decoration: none; }
      nav a[aria-current='page'] { background: color-mix(in srgb, var(--_primary) 12%, transparent); color: var(--_primary); font-weight: 600; }
      .controls { margin-left: auto; display: flex; gap: 16px; flex-wrap: wrap; }
      label { font-size: 0.8rem; color: var(--_muted); display: flex; flex-direction: column; gap: 2px; }
      select { font: inherit; font-size: 0.9rem; padding: 4px 6px; border: 1px solid var(--_border); border-radius: 6px; background: var(--_surface); }
      main { padding: 24px; max-width: 1280px; margin: 0 auto; }
      .error { color: var(--_bad); }
      .manage { align-self: end; font-size: 0.85rem; padding: 5px 0; color: var(--_primary); }
      .print { align-self: end; font: inherit; font-size: 0.85rem; padding: 5px 10px; border: 1px solid var(--_border); border-radius: 6px; background: var(--_surface); cursor: pointer; }
      @media print {
        header .controls, header nav, .print { display: none; }
        main { padding: 0; max-width: none; }
      }
    `,
  ]

  private readonly api: ApiClient = createApiClient()
  @state() private accessor plugins: PluginDescription[] = []
  @state() private accessor workspaces: WorkspaceSummary[] = []
  @state() private accessor workspace = ''
  /** The language picked here before, else the bundle's, else the browser's. */
  @state() private accessor locale: UiLocale = resolveLocale(
    stored.get('locale') ?? app.locale ?? preferredLocale(globalThis.navigator?.languages),
  )
  @state() private accessor periodDays = Number(stored.get('periodDays') ?? 365)
  /** Recomputed only when the choice changes, so panels are told of a new period only then. */
  private period = periodEndingToday(this.periodDays)
  @state() private accessor page: Page = pageFromHash()
  @state() private accessor panelStates = new Map<string, PanelState>()
  @state() private accessor loadError = ''
  /** False until the workspaces are read: an install without any then shows the first-start screen. */
  @state() private accessor loaded = false

  private readonly context = new DashboardContextProvider(this, {
    api: this.api,
    workspace: this.workspace,
    period: this.period,
    locale: this.locale,
    registry: null,
  })

  private readonly onHashChange = () => {
    this.page = pageFromHash()
  }

  override connectedCallback(): void {
    super.connectedCallback()
    window.addEventListener('hashchange', this.onHashChange)
    for (const [name, value] of Object.entries(app.cssVars)) document.documentElement.style.setProperty(name, value)
    document.title = app.productName
    void this.load()
  }

  override disconnectedCallback(): void {
    window.removeEventListener('hashchange', this.onHashChange)
    super.disconnectedCallback()
  }

  private async load(): Promise<void> {
    try {
      const [plugins, workspaces] = await Promise.all([this.api.plugins(), this.api.workspaces()])
      const remembered = stored.get('workspace')
      this.workspaces = workspaces
      this.workspace = workspaces.some((w) => w.id === remembered) ? remembered! : (workspaces[0]?.id ?? '')
      this.plugins = plugins
      this.loaded = true
      // Each panel shows as soon as its own module is ready: a plugin that never defines its tag waits alone.
      await loadPanels(plugins, panelModules, {
        onState: (tag, state) => {
          this.panelStates = new Map(this.panelStates).set(tag, state)
        },
      })
    } catch (error) {
      this.loadError = (error as Error).message
    }
  }

  private chooseWorkspace(id: string) {
    this.workspace = id
    stored.set('workspace', id)
  }

  /** A workspace was created (first start or settings): list it and open it. */
  private readonly onWorkspaceCreated = (event: CustomEvent<WorkspaceSummary>) => {
    this.workspaces = [...this.workspaces, event.detail].sort((a, b) => a.name.localeCompare(b.name))
    this.chooseWorkspace(event.detail.id)
    location.hash = '#/overview'
  }

  private readonly onWorkspaceUpdated = (event: CustomEvent<WorkspaceSummary>) => {
    this.workspaces = this.workspaces.map((w) => (w.id === event.detail.id ? event.detail : w))
  }

  private readonly onWorkspaceDeleted = (event: CustomEvent<WorkspaceSummary>) => {
    this.workspaces = this.workspaces.filter((w) => w.id !== event.detail.id)
    this.chooseWorkspace(this.workspaces[0]?.id ?? '')
    location.hash = '#/overview'
  }

  private renderPage() {
    if (this.loaded && this.workspaces.length === 0) {
      return html`<cx-first-start .api=${this.api} locale=${this.locale} product=${app.productName}></cx-first-start>`
    }
    if (this.page === 'workspace') {
      const current = this.workspaces.find((w) => w.id === this.workspace)
      return html`<cx-workspace-settings-page .api=${this.api} .workspace=${current} locale=${this.locale}></cx-workspace-settings-page>`
    }
    if (this.page === 'plugins') return html`<cx-plugins-page .plugins=${this.plugins}></cx-plugins-page>`
    const customers = customersRoute(this.page)
    if (customers) return renderCustomersRoute(customers)
    if (this.page.startsWith('p/')) return this.renderPluginPage(this.page.slice(2))
    return html`<cx-overview-page .plugins=${this.plugins} .panelStates=${this.panelStates}></cx-overview-page>`
  }

  private chooseLocale(locale: UiLocale) {
    this.locale = locale
    stored.set('locale', locale)
  }

  private choosePeriod(days: number) {
    this.periodDays = days
    stored.set('periodDays', String(days))
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('periodDays')) this.period = periodEndingToday(this.periodDays)
    this.context.set({
      workspace: this.workspace,
      period: this.period,
      locale: this.locale,
      registry: this.plugins.length ? this.plugins : null,
    })
  }

  override updated(): void {
    document.documentElement.lang = this.locale
  }

  private readonly pageElements = new Map<string, HTMLElement>()

  /**
   * A plugin's own page: its element, created once. It reads workspace, period, locale and API client from
   * the context the shell provides (`CxDashboardElement` consumes them), so the shell sets nothing on it.
   */
  private renderPluginPage(path: string) {
    const page = this.plugins.flatMap((plugin) => plugin.pages).find((candidate) => candidate.path === path)
    if (!page) return nothing
    const state = this.panelStates.get(page.tag)
    if (!state) return html`<p>${createTranslator(this.locale).t('panel.loading')}</p>`
    if (state.status === 'failed') {
      const message = panelFailureMessage(state, page.tag, createTranslator(this.locale))
      return html`<cx-panel-error plugin=${page.plugin} tag=${page.tag} message=${message} locale=${this.locale}></cx-panel-error>`
    }
    let element = this.pageElements.get(page.tag)
    if (!element) {
      element = document.createElement(page.tag)
      this.pageElements.set(page.tag, element)
    }
    return element
  }

  override render() {
    const i18n = createTranslator(this.locale)
    return html`
      <header>
        <span class="brand">${app.productName}</span>
        <nav aria-label="main">
          <a href="#/overview" aria-current=${this.page === 'overview' ? 'page' : nothing}>${i18n.t('nav.overview')}</a>
          <a href="#/customers" aria-current=${customersRoute(this.page) ? 'page' : nothing}>${i18n.t('customers:nav')}</a>
          ${this.plugins
            .flatMap((plugin) => plugin.pages)
            .map(
              (page) =>
                html`<a href="#/p/${page.path}" aria-current=${this.page === `p/${page.path}` ? 'page' : nothing}>${localizeText(page.title, this.locale)}</a>`,
            )}
          <a href="#/plugins" aria-current=${this.page === 'plugins' ? 'page' : nothing}>${i18n.t('nav.plugins')}</a>
          <a href="/api/openapi.json" target="_blank" rel="noopener">${i18n.t('nav.api')}</a>
        </nav>
        <div class="controls">
          <label>${i18n.t('workspace.label')}
            <select name="workspace" @change=${(e: Event) => this.chooseWorkspace((e.target as HTMLSelectElement).value)}>
              ${this.workspaces.map((w) => html`<option value=${w.id} ?selected=${w.id === this.workspace}>${w.name}</option>`)}
            </select>
          </label>
          <a class="manage" href="#/workspace" aria-current=${this.page === 'workspace' ? 'page' : nothing}>${i18n.t('workspaces:settings.link')}</a>
          <label>${i18n.t('period.label')}
            <select name="period" @change=${(e: Event) => this.choosePeriod(Number((e.target as HTMLSelectElement).value))}>
              ${periodOptions.map((o) => html`<option value=${o.days} ?selected=${o.days === this.periodDays}>${i18n.t(o.label)}</option>`)}
            </select>
          </label>
          <label>${i18n.t('locale.label')}
            <select name="locale" @change=${(e: Event) => this.chooseLocale(resolveLocale((e.target as HTMLSelectElement).value))}>
              <option value="en" ?selected=${this.locale === 'en'}>English</option>
              <option value="nl" ?selected=${this.locale === 'nl'}>Nederlands</option>
            </select>
          </label>
          <button class="print" @click=${() => window.print()}>${i18n.t('app.print')}</button>
        </div>
      </header>
      <main
        @workspace-created=${this.onWorkspaceCreated}
        @workspace-updated=${this.onWorkspaceUpdated}
        @workspace-deleted=${this.onWorkspaceDeleted}
      >
        ${this.loadError ? html`<p class="error" role="alert">${i18n.t('error.load', { message: this.loadError })}</p>` : nothing}
        ${this.renderPage()}
      </main>
    `
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-app': CxApp
  }
}

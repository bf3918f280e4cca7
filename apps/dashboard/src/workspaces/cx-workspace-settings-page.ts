import { type ApiClient, ApiError, createTranslator, type WorkspaceSummary, themeStyles } from '@cxkit/ui'
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import './cx-workspace-form.js'
import './workspace-messages.js'

/**
 * The current workspace's settings: rename it or change its language, create another, or delete it
 * (after typing its id). Fires `workspace-updated` and `workspace-deleted`; the form inside fires
 * `workspace-created`.
 */
@customElement('cx-workspace-settings-page')
export class CxWorkspaceSettingsPage extends LitElement {
  static override styles = [
    themeStyles,
    css`
      h1 { font-size: 1.4rem; margin: 0 0 16px; }
      section { background: var(--_surface); border: 1px solid var(--_border); border-radius: var(--_radius); padding: 16px; margin-bottom: 16px; }
      h2 { font-size: 1.05rem; margin: 0 0 12px; }
      form { display: grid; gap: 12px; max-width: 480px; }
      label { display: grid; gap: 4px; font-weight: 600; font-size: 0.9rem; }
      input, select { font: inherit; font-weight: 400; padding: 6px 8px; border: 1px solid var(--_border); border-radius: 6px; background: var(--_surface); }
      button { justify-self: start; font: inherit; padding: 8px 16px; border: 0; border-radius: 6px; background: var(--_primary); color: white; cursor: pointer; }
      button.danger { background: var(--_bad); }
      button[disabled] { opacity: 0.5; cursor: default; }
      .problem { font-weight: 400; color: var(--_bad); font-size: 0.85rem; }
      .saved { color: var(--_muted); }
    `,
  ]

  @property({ attribute: false }) accessor api: ApiClient | undefined
  @property({ attribute: false }) accessor workspace: WorkspaceSummary | undefined
  @property() accessor locale = 'en'
  @state() private accessor workspaceName = ''
  @state() private accessor workspaceLocale: 'en' | 'nl' = 'en'
  @state() private accessor confirmation = ''
  @state() private accessor problem = ''
  @state() private accessor deleteProblem = ''
  @state() private accessor saved = false

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('workspace') && this.workspace) {
      this.workspaceName = this.workspace.name
      this.workspaceLocale = this.workspace.locale
      this.confirmation = ''
      this.problem = ''
      this.deleteProblem = ''
      this.saved = false
    }
  }

  private async save(event: Event): Promise<void> {
    event.preventDefault()
    if (!this.api || !this.workspace) return
    this.problem = ''
    this.saved = false
    try {
      const updated = await this.api.patch<WorkspaceSummary>(
        `/api/workspaces/${encodeURIComponent(this.workspace.id)}`,
        {
          name: this.workspaceName,
          locale: this.workspaceLocale,
        },
      )
      this.saved = true
      this.dispatchEvent(new CustomEvent('workspace-updated', { detail: updated, bubbles: true, composed: true }))
    } catch (error) {
      this.problem = messageOf(error)
    }
  }

  private async deleteWorkspace(event: Event): Promise<void> {
    event.preventDefault()
    const workspace = this.workspace
    if (!this.api || !workspace || this.confirmation !== workspace.id) return
    this.deleteProblem = ''
    try {
      await this.api.delete(
        `/api/workspaces/${encodeURIComponent(workspace.id)}?confirm=${encodeURIComponent(workspace.id)}`,
      )
      this.dispatchEvent(new CustomEvent('workspace-deleted', { detail: workspace, bubbles: true, composed: true }))
    } catch (error) {
      this.deleteProblem = messageOf(error)
    }
  }

  override render() {
    const i18n = createTranslator(this.locale)
    const workspace = this.workspace
    const newWorkspace = html`<section>
      <h2>${i18n.t('workspaces:settings.new')}</h2>
      <cx-workspace-form .api=${this.api} locale=${this.locale}></cx-workspace-form>
    </section>`
    if (!workspace) return html`<p>${i18n.t('workspaces:settings.none')}</p>${newWorkspace}`
    return html`<h1>${i18n.t('workspaces:settings.heading', { name: workspace.name })}</h1>
      <section class="rename">
        <h2>${i18n.t('workspaces:settings.rename')}</h2>
        <form @submit=${this.save} novalidate>
          <label>${i18n.t('workspaces:form.name')}
            <input name="name" .value=${this.workspaceName} @input=${(e: Event) => {
              this.workspaceName = (e.target as HTMLInputElement).value
            }} />
            ${this.problem ? html`<span class="problem" role="alert">${this.problem}</span>` : nothing}
          </label>
          <label>${i18n.t('workspaces:form.locale')}
            <select name="locale" @change=${(e: Event) => {
              this.workspaceLocale = (e.target as HTMLSelectElement).value === 'nl' ? 'nl' : 'en'
            }}>
              <option value="en" ?selected=${this.workspaceLocale === 'en'}>English</option>
              <option value="nl" ?selected=${this.workspaceLocale === 'nl'}>Nederlands</option>
            </select>
          </label>
          <button type="submit">${i18n.t('workspaces:settings.save')}</button>
          ${this.saved ? html`<span class="saved" role="status">${i18n.t('workspaces:settings.saved')}</span>` : nothing}
        </form>
      </section>
      ${newWorkspace}
      <section class="delete">
        <h2>${i18n.t('workspaces:settings.delete')}</h2>
        <form @submit=${this.deleteWorkspace} novalidate>
          <p>${i18n.t('workspaces:settings.deleteWarning', { id: workspace.id })}</p>
          <label>${i18n.t('workspaces:settings.confirm')}
            <input name="confirm" autocomplete="off" .value=${this.confirmation} @input=${(e: Event) => {
              this.confirmation = (e.target as HTMLInputElement).value
            }} />
          </label>
          ${this.deleteProblem ? html`<span class="problem" role="alert">${this.deleteProblem}</span>` : nothing}
          <button type="submit" class="danger" ?disabled=${this.confirmation !== workspace.id}>
            ${i18n.t('workspaces:settings.deleteButton')}
          </button>
        </form>
      </section>`
  }
}

/** The first field problem the server named, else what it said. */
function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.problem?.errors?.[0]?.message ?? error.message
  return (error as Error).message
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-workspace-settings-page': CxWorkspaceSettingsPage
  }
}

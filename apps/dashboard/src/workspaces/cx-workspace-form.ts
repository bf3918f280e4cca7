import { type ApiClient, ApiError, createTranslator, type WorkspaceSummary, themeStyles } from '@cxkit/ui'
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { suggestWorkspaceId } from './suggest-workspace-id.js'
import './workspace-messages.js'

/** A stage model as `GET /api/stage-models` lists it. */
interface StageModelView {
  id: string
  stages: { id: string; label: { en: string; nl?: string } }[]
}

type Field = 'name' | 'id' | 'locale' | 'stageModel'

/**
 * Creates a workspace: name, id (suggested from the name until the user edits it), language and stage
 * model. The server's problems appear beside the field they name. Fires `workspace-created` with the
 * workspace as stored.
 */
@customElement('cx-workspace-form')
export class CxWorkspaceForm extends LitElement {
  static override styles = [
    themeStyles,
    css`
      form { display: grid; gap: 14px; max-width: 480px; }
      label { display: grid; gap: 4px; font-weight: 600; font-size: 0.9rem; }
      input, select { font: inherit; font-weight: 400; padding: 6px 8px; border: 1px solid var(--_border); border-radius: 6px; background: var(--_surface); }
      [aria-invalid='true'] { border-color: var(--_bad); }
      .hint { font-weight: 400; color: var(--_muted); font-size: 0.8rem; }
      .problem { font-weight: 400; color: var(--_bad); font-size: 0.85rem; }
      button { justify-self: start; font: inherit; padding: 8px 16px; border: 0; border-radius: 6px; background: var(--_primary); color: white; cursor: pointer; }
      button[disabled] { opacity: 0.6; cursor: default; }
    `,
  ]

  @property({ attribute: false }) accessor api: ApiClient | undefined
  @property() accessor locale = 'en'
  @state() private accessor models: StageModelView[] = []
  @state() private accessor workspaceName = ''
  @state() private accessor workspaceId = ''
  /** Once the user types an id, the name no longer overwrites it. */
  @state() private accessor idEdited = false
  @state() private accessor workspaceLocale: 'en' | 'nl' = 'en'
  @state() private accessor stageModel = 'default'
  @state() private accessor problems: Partial<Record<Field, string>> = {}
  @state() private accessor failure = ''
  @state() private accessor busy = false

  override connectedCallback(): void {
    super.connectedCallback()
    this.workspaceLocale = this.locale === 'nl' ? 'nl' : 'en'
    void this.loadModels()
  }

  private async loadModels(): Promise<void> {
    try {
      this.models = (await this.api?.get<StageModelView[]>('/api/stage-models')) ?? []
    } catch (error) {
      this.failure = (error as Error).message
    }
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault()
    if (!this.api || this.busy) return
    this.busy = true
    this.problems = {}
    this.failure = ''
    try {
      const workspace = await this.api.post<WorkspaceSummary>('/api/workspaces', {
        id: this.workspaceId,
        name: this.workspaceName,
        locale: this.workspaceLocale,
        stageModel: this.stageModel,
      })
      this.dispatchEvent(new CustomEvent('workspace-created', { detail: workspace, bubbles: true, composed: true }))
    } catch (error) {
      this.showProblems(error)
    } finally {
      this.busy = false
    }
  }

  private showProblems(error: unknown): void {
    const fields = error instanceof ApiError ? (error.problem?.errors ?? []) : []
    const problems: Partial<Record<Field, string>> = {}
    for (const problem of fields) {
      const field = problem.field.replace(/^body\./, '')
      if (field === 'name' || field === 'id' || field === 'locale' || field === 'stageModel') {
        problems[field] ??= problem.message
      }
    }
    this.problems = problems
    if (Object.keys(problems).length === 0) this.failure = (error as Error).message
  }

  private stageList(model: StageModelView): string {
    return model.stages
      .map((stage) => (this.locale === 'nl' ? (stage.label.nl ?? stage.label.en) : stage.label.en))
      .join(' → ')
  }

  private problem(field: Field) {
    const message = this.problems[field]
    return message ? html`<span class="problem" id="${field}-problem" role="alert">${message}</span>` : nothing
  }

  override render() {
    const i18n = createTranslator(this.locale)
    const invalid = (field: Field) => (this.problems[field] ? 'true' : 'false')
    return html`<form @submit=${this.submit} novalidate>
      <label>${i18n.t('workspaces:form.name')}
        <input name="name" required .value=${this.workspaceName} aria-invalid=${invalid('name')}
          @input=${(e: Event) => {
            this.workspaceName = (e.target as HTMLInputElement).value
            if (!this.idEdited) this.workspaceId = suggestWorkspaceId(this.workspaceName)
          }} />
        ${this.problem('name')}
      </label>
      <label>${i18n.t('workspaces:form.id')}
        <input name="id" required .value=${this.workspaceId} aria-invalid=${invalid('id')}
          @input=${(e: Event) => {
            this.workspaceId = (e.target as HTMLInputElement).value
            this.idEdited = true
          }} />
        <span class="hint">${i18n.t('workspaces:form.idHint')}</span>
        ${this.problem('id')}
      </label>
      <label>${i18n.t('workspaces:form.locale')}
        <select name="locale" aria-invalid=${invalid('locale')}
          @change=${(e: Event) => {
            this.workspaceLocale = (e.target as HTMLSelectElement).value === 'nl' ? 'nl' : 'en'
          }}>
          <option value="en" ?selected=${this.workspaceLocale === 'en'}>English</option>
          <option value="nl" ?selected=${this.workspaceLocale === 'nl'}>Nederlands</option>
        </select>
        ${this.problem('locale')}
      </label>
      <label>${i18n.t('workspaces:form.stageModel')}
        <select name="stageModel" aria-invalid=${invalid('stageModel')}
          @change=${(e: Event) => {
            this.stageModel = (e.target as HTMLSelectElement).value
          }}>
          ${this.models.map(
            (model) =>
              html`<option value=${model.id} ?selected=${model.id === this.stageModel}>${model.id}: ${this.stageList(model)}</option>`,
          )}
        </select>
        ${this.problem('stageModel')}
      </label>
      ${this.failure ? html`<p class="problem" role="alert">${this.failure}</p>` : nothing}
      <button type="submit" ?disabled=${this.busy}>
        ${this.busy ? i18n.t('workspaces:form.busy') : i18n.t('workspaces:form.create')}
      </button>
    </form>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-workspace-form': CxWorkspaceForm
  }
}

import { ApiError, type ApiClient, createApiClient, themeStyles } from '@cxkit/ui'
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { repeat } from 'lit/directives/repeat.js'
import { builderTexts } from './builder-texts.js'
import { type DraftQuestion, type DraftSurvey, newDraft, nextQuestionId, toDefinition } from './draft-survey.js'
import { reasonLines, withReasonLines } from './reason-options.js'
import './cx-survey-preview.js'

interface ListedSurvey extends DraftSurvey {
  id: string
  publicToken: string
}

/**
 * The Surveys page: every survey of the workspace with its public page and QR code, and a builder
 * whose preview and checks come live from the server (`POST /api/surveys/surveys/preview`).
 */
@customElement('cx-surveys-page')
export class CxSurveysPage extends LitElement {
  static override styles = [
    themeStyles,
    css`
      h1 { font-size: 1.4rem; margin: 0 0 16px; }
      table { width: 100%; border-collapse: collapse; background: var(--_surface); border: 1px solid var(--_border); border-radius: var(--_radius); }
      th, td { text-align: left; padding: 8px 10px; border-bottom: 1px solid var(--_border); font-size: 0.9rem; }
      button, select, input, textarea { font: inherit; }
      button { cursor: pointer; }
      .primary { background: var(--_primary); color: #fff; border: 0; border-radius: 6px; padding: 7px 16px; font-weight: 600; }
      .builder { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 20px; align-items: start; }
      .card { background: var(--_surface); border: 1px solid var(--_border); border-radius: var(--_radius); padding: 16px; }
      label { display: block; font-size: 0.85rem; color: var(--_muted); margin-bottom: 10px; }
      label input:not([type=checkbox]), label select, label textarea { display: block; width: 100%; box-sizing: border-box; margin-top: 3px; padding: 5px; color: var(--_text); }
      .row { display: flex; gap: 12px; flex-wrap: wrap; }
      .row > * { flex: 1; min-width: 140px; }
      .question { border-top: 1px solid var(--_border); padding-top: 10px; margin-top: 10px; }
      .question-tools { display: flex; gap: 6px; justify-content: flex-end; }
      .errors { color: var(--_bad); font-size: 0.85rem; }
      .actions { display: flex; gap: 10px; margin-top: 14px; }
      @media (max-width: 800px) { .builder { grid-template-columns: 1fr; } }
    `,
  ]

  @property() accessor workspace = ''
  @property() accessor locale = 'en'
  @property({ attribute: false }) accessor api: ApiClient = createApiClient()
  @state() private accessor surveys: ListedSurvey[] = []
  @state() private accessor types: string[] = []
  @state() private accessor touchpoints: { id: string; name: string }[] = []
  @state() private accessor draft: DraftSurvey | null = null
  @state() private accessor preview: unknown[] = []
  @state() private accessor previewLocale: 'en' | 'nl' = 'en'
  @state() private accessor problems: { field: string; message: string }[] = []
  @state() private accessor notice = ''
  private loadedFor = ''
  private previewTimer: ReturnType<typeof setTimeout> | undefined

  private get texts() {
    return builderTexts[this.locale === 'nl' ? 'nl' : 'en']
  }

  override updated(): void {
    if (this.workspace && this.loadedFor !== this.workspace) {
      this.loadedFor = this.workspace
      void this.load()
    }
  }

  private async load() {
    const workspace = this.workspace
    const w = encodeURIComponent(workspace)
    const [surveys, types, touchpoints] = await Promise.all([
      this.api.get<ListedSurvey[]>(`/api/surveys/surveys?workspace=${w}`),
      this.api.get<{ id: string }[]>('/api/surveys/question-types'),
      this.api.get<{ id: string; name: string }[]>(`/api/workspaces/${w}/touchpoints`),
    ])
    // The workspace changed while this was loading: the newer load shows its own list.
    if (workspace !== this.workspace) return
    this.surveys = surveys
    this.types = types.map((type) => type.id)
    this.touchpoints = touchpoints
  }

  private edit(draft: DraftSurvey) {
    this.draft = structuredClone(draft)
    this.notice = ''
    this.schedulePreview()
  }

  /** Changes the draft and asks the server for a fresh preview a moment later. */
  private change(update: (draft: DraftSurvey) => void) {
    const next = structuredClone(this.draft!)
    update(next)
    this.draft = next
    this.schedulePreview()
  }

  private schedulePreview() {
    clearTimeout(this.previewTimer)
    this.previewTimer = setTimeout(() => void this.refreshPreview(), 250)
  }

  private async send(path: string, method: string, body: unknown) {
    const response = await fetch(path, {
      method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    const json = await response.json().catch(() => null)
    if (!response.ok) throw new ApiError(response.status, json)
    return json
  }

  private async refreshPreview() {
    if (!this.draft) return
    try {
      const result = await this.send('/api/surveys/surveys/preview', 'POST', {
        ...toDefinition(this.draft),
        name: this.draft.name || 'Preview',
      })
      this.preview = result.questions
      this.problems = []
    } catch (error) {
      this.problems =
        error instanceof ApiError
          ? (error.problem?.errors ?? [{ field: '', message: error.message }])
          : [{ field: '', message: String(error) }]
    }
  }

  private async save() {
    const draft = this.draft!
    const w = encodeURIComponent(this.workspace)
    try {
      const definition = toDefinition(draft)
      if (draft.id && this.surveys.some((s) => s.id === draft.id)) {
        const { id: _id, ...change } = definition
        await this.send(`/api/surveys/surveys/${encodeURIComponent(draft.id)}?workspace=${w}`, 'PATCH', change)
      } else {
        await this.send(`/api/surveys/surveys?workspace=${w}`, 'POST', definition)
      }
      this.draft = null
      this.notice = this.texts.saved
      await this.load()
    } catch (error) {
      this.problems =
        error instanceof ApiError
          ? (error.problem?.errors ?? [{ field: '', message: error.message }])
          : [{ field: '', message: String(error) }]
    }
  }

  private renderList() {
    const t = this.texts
    return html`<p><button class="primary" @click=${() => this.edit(newDraft())}>${t.add}</button> ${this.notice}</p>
      <table>
        <thead><tr><th>${t.name}</th><th>${t.kind}</th><th>${t.status}</th><th></th></tr></thead>
        <tbody>
          ${repeat(
            this.surveys,
            // Keyed: a row stays with its survey when the list reloads, so Edit opens the survey it sits beside.
            (survey) => survey.id,
            (survey) => html`<tr data-survey=${survey.id}>
              <td>${survey.name}</td><td>${survey.kind}</td><td>${survey.status}</td>
              <td>
                <a href="/s/${survey.publicToken}" target="_blank" rel="noopener">${t.link}</a> ·
                <a href="/api/surveys/surveys/${survey.id}/qr.svg?workspace=${encodeURIComponent(this.workspace)}" target="_blank" rel="noopener">${t.qr}</a> ·
                <button @click=${() => this.edit(survey)}>${t.edit}</button>
              </td>
            </tr>`,
          )}
        </tbody>
      </table>`
  }

  private renderQuestion(question: DraftQuestion, index: number) {
    const t = this.texts
    const draft = this.draft!
    const set = (update: (q: DraftQuestion) => void) => this.change((d) => update(d.questions[index]!))
    const move = (by: number) =>
      this.change((d) => {
        const [moved] = d.questions.splice(index, 1)
        d.questions.splice(index + by, 0, moved!)
      })
    return html`<div class="question" data-question=${question.id}>
      <div class="row">
        <label>${t.type}<select name="type" @change=${(e: Event) =>
          set((q) => {
            q.type = (e.target as HTMLSelectElement).value
            q.config = {}
          })}>
          ${this.types.map((type) => html`<option ?selected=${type === question.type}>${type}</option>`)}
        </select></label>
        <label><input type="checkbox" name="required" .checked=${question.required} @change=${(e: Event) => set((q) => (q.required = (e.target as HTMLInputElement).checked))}> ${t.required}</label>
      </div>
      ${draft.locales.map(
        (locale) =>
          html`<label>${t.text} (${locale})<input name="text-${locale}" .value=${question.text[locale] ?? ''} @input=${(e: Event) => set((q) => (q.text[locale] = (e.target as HTMLInputElement).value))}></label>`,
      )}
      ${
        question.type === 'reasons'
          ? draft.locales.map(
              (locale) =>
                html`<label>${t.options} (${locale})<textarea name="options-${locale}" .value=${reasonLines(question.config, locale)} @input=${(e: Event) => set((q) => (q.config = withReasonLines(q.config, locale, (e.target as HTMLTextAreaElement).value)))}></textarea></label>`,
            )
          : nothing
      }
      ${
        question.type === 'csat'
          ? html`<label>${t.scale}<select name="scale" @change=${(e: Event) => set((q) => (q.config = { scale: Number((e.target as HTMLSelectElement).value) }))}>
            <option value="5" ?selected=${question.config.scale !== 10}>1–5</option><option value="10" ?selected=${question.config.scale === 10}>1–10</option>
          </select></label>`
          : nothing
      }
      <div class="question-tools">
        <button ?disabled=${index === 0} @click=${() => move(-1)} aria-label=${t.up}>↑</button>
        <button ?disabled=${index === draft.questions.length - 1} @click=${() => move(1)} aria-label=${t.down}>↓</button>
        <button ?disabled=${draft.questions.length === 1} @click=${() => this.change((d) => d.questions.splice(index, 1))} aria-label=${t.remove}>✕</button>
      </div>
    </div>`
  }

  private renderBuilder() {
    const t = this.texts
    const draft = this.draft!
    const field = <K extends keyof DraftSurvey>(key: K, value: DraftSurvey[K]) => this.change((d) => (d[key] = value))
    return html`<div class="builder">
      <div class="card">
        <label>${t.name}<input name="name" .value=${draft.name} @input=${(e: Event) => field('name', (e.target as HTMLInputElement).value)}></label>
        <div class="row">
          <label>${t.kind}<select name="kind" @change=${(e: Event) => field('kind', (e.target as HTMLSelectElement).value as DraftSurvey['kind'])}>
            ${['relational', 'transactional', 'in-the-moment'].map((kind) => html`<option ?selected=${kind === draft.kind}>${kind}</option>`)}
          </select></label>
          <label>${t.status}<select name="status" @change=${(e: Event) => field('status', (e.target as HTMLSelectElement).value as DraftSurvey['status'])}>
            ${['draft', 'active', 'closed'].map((status) => html`<option ?selected=${status === draft.status}>${status}</option>`)}
          </select></label>
          <label>${t.touchpoint}<select name="touchpoint" @change=${(e: Event) => field('touchpointId', (e.target as HTMLSelectElement).value || null)}>
            <option value="">${t.none}</option>
            ${this.touchpoints.map((tp) => html`<option value=${tp.id} ?selected=${tp.id === draft.touchpointId}>${tp.name}</option>`)}
          </select></label>
        </div>
        <div class="row">
          <label>${t.languages}
            ${(['en', 'nl'] as const).map(
              (locale) =>
                html`<span><input type="checkbox" name="locale-${locale}" .checked=${draft.locales.includes(locale)} @change=${(
                  e: Event,
                ) =>
                  this.change((d) => {
                    d.locales = (e.target as HTMLInputElement).checked
                      ? [...new Set([...d.locales, locale])]
                      : d.locales.filter((l) => l !== locale)
                  })}> ${locale}</span> `,
            )}
          </label>
          <label>${t.contactRule}<input type="number" min="0" name="contact" .value=${String(draft.contactRuleDays)} @input=${(e: Event) => field('contactRuleDays', Number((e.target as HTMLInputElement).value))}></label>
          <label title=${t.verifiedCustomersHint}><input type="checkbox" name="verified-customers" .checked=${draft.verifiedCustomers} @change=${(e: Event) => field('verifiedCustomers', (e.target as HTMLInputElement).checked)}> ${t.verifiedCustomers}</label>
        </div>
        <strong>${t.questions}</strong>
        ${draft.questions.map((question, index) => this.renderQuestion(question, index))}
        <p><button @click=${() => this.change((d) => d.questions.push({ id: nextQuestionId(d.questions), type: 'open', required: false, text: { en: '', nl: '' }, config: {} }))}>${t.addQuestion}</button></p>
        ${
          this.problems.length
            ? html`<div class="errors" role="alert">${t.invalid}<ul>${this.problems.map((p) => html`<li data-field=${p.field}>${p.field.replace(/^body\./, '')}: ${p.message}</li>`)}</ul></div>`
            : nothing
        }
        <div class="actions">
          <button class="primary" name="save" @click=${() => this.save()}>${t.save}</button>
          <button @click=${() => (this.draft = null)}>${t.cancel}</button>
        </div>
      </div>
      <div>
        <div class="row"><strong>${t.preview}</strong>
          <select name="preview-locale" @change=${(e: Event) => (this.previewLocale = (e.target as HTMLSelectElement).value as 'en' | 'nl')}>
            ${draft.locales.map((locale) => html`<option ?selected=${locale === this.previewLocale}>${locale}</option>`)}
          </select>
        </div>
        <cx-survey-preview .questions=${this.preview} locale=${this.previewLocale}></cx-survey-preview>
      </div>
    </div>`
  }

  override render() {
    return html`<h1>${this.texts.heading}</h1>${this.draft ? this.renderBuilder() : this.renderList()}`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-surveys-page': CxSurveysPage
  }
}

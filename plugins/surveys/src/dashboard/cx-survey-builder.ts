import { ApiError, CxDashboardElement, themeStyles } from '@cxkit/ui'
import { Task } from '@lit/task'
import { css, html, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { QuestionTypeSummary } from '../question-type-parts.js'
import { builderTexts } from './builder-texts.js'
import {
  type DraftQuestion,
  type DraftSurvey,
  type ListedSurvey,
  newDraft,
  nextQuestionId,
  toDefinition,
} from './draft-survey.js'
import { labelIn } from './label-in.js'
import { renderConfigFields } from './render-config-fields.js'
import { surveysPageStyles } from './surveys-page-styles.js'
import './cx-survey-preview.js'

interface BuilderChoices {
  types: QuestionTypeSummary[]
  touchpoints: { id: string; name: string }[]
}

type Problem = { field: string; message: string }

function problemsOf(error: unknown): Problem[] {
  if (error instanceof ApiError) return error.problem?.errors ?? [{ field: '', message: error.message }]
  return [{ field: '', message: String(error) }]
}

const typedValue = (event: Event) => (event.target as HTMLInputElement).value
const isChecked = (event: Event) => (event.target as HTMLInputElement).checked

/**
 * The survey builder: edits a draft whose preview and checks come live from the server
 * (`POST /api/surveys/surveys/preview`). Each question type brings its own settings
 * (`builder.fields`), and a new survey opens as the question types say. Fires `survey-saved` once
 * the server took the survey, `survey-cancelled` when the user gives up.
 */
@customElement('cx-survey-builder')
export class CxSurveyBuilder extends CxDashboardElement {
  static override styles = [
    themeStyles,
    surveysPageStyles,
    css`
      .builder { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 20px; align-items: start; }
      .card { background: var(--_surface); border: 1px solid var(--_border); border-radius: var(--_radius); padding: 16px; }
      label { display: block; font-size: 0.85rem; color: var(--_muted); margin-bottom: 10px; }
      label input:not([type=checkbox]), label select, label textarea { display: block; width: 100%; box-sizing: border-box; margin-top: 3px; padding: 5px; color: var(--_text); }
      .row { display: flex; gap: 12px; flex-wrap: wrap; }
      .row > * { flex: 1; min-width: 140px; }
      .question { border-top: 1px solid var(--_border); padding-top: 10px; margin-top: 10px; }
      .question-tools { display: flex; gap: 6px; justify-content: flex-end; }
      .actions { display: flex; gap: 10px; margin-top: 14px; }
      @media (max-width: 800px) { .builder { grid-template-columns: 1fr; } }
    `,
  ]

  /** The saved survey to edit; null starts a new one. */
  @property({ attribute: false }) accessor survey: ListedSurvey | null = null
  @state() private accessor draft: DraftSurvey | null = null
  @state() private accessor preview: unknown[] = []
  @state() private accessor previewLocale: 'en' | 'nl' = 'en'
  @state() private accessor problems: Problem[] = []
  private previewTimer: ReturnType<typeof setTimeout> | undefined

  private readonly choices = new Task(this, {
    task: async ([workspace], { signal }): Promise<BuilderChoices | null> => {
      if (!workspace) return null
      const [types, touchpoints] = await Promise.all([
        this.api.get<QuestionTypeSummary[]>('/api/surveys/question-types', signal),
        this.api.get<{ id: string; name: string }[]>(
          `/api/workspaces/${encodeURIComponent(workspace)}/touchpoints`,
          signal,
        ),
      ])
      return { types, touchpoints }
    },
    args: () => [this.workspace] as const,
  })

  private get texts() {
    return builderTexts[this.locale === 'nl' ? 'nl' : 'en']
  }

  protected override willUpdate(): void {
    // The draft starts once the question types are known: a new survey opens as they say.
    const choices = this.choices.value
    if (!this.draft && choices) {
      this.draft = this.survey ? structuredClone(this.survey) : newDraft(choices.types)
      this.schedulePreview()
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    clearTimeout(this.previewTimer)
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

  private async refreshPreview() {
    if (!this.draft) return
    try {
      const result = await this.api.post<{ questions: unknown[] }>('/api/surveys/surveys/preview', {
        ...toDefinition(this.draft),
        name: this.draft.name || 'Preview',
      })
      this.preview = result.questions
      this.problems = []
    } catch (error) {
      this.problems = problemsOf(error)
    }
  }

  private async save() {
    const w = encodeURIComponent(this.workspace)
    try {
      const definition = toDefinition(this.draft!)
      if (this.survey) {
        const { id: _id, ...change } = definition
        await this.api.patch(`/api/surveys/surveys/${encodeURIComponent(this.survey.id)}?workspace=${w}`, change)
      } else {
        await this.api.post(`/api/surveys/surveys?workspace=${w}`, definition)
      }
      this.dispatchEvent(new CustomEvent('survey-saved'))
    } catch (error) {
      this.problems = problemsOf(error)
    }
  }

  private renderQuestion(question: DraftQuestion, index: number, types: readonly QuestionTypeSummary[]) {
    const t = this.texts
    const draft = this.draft!
    const type = types.find((candidate) => candidate.id === question.type)
    const set = (update: (q: DraftQuestion) => void) => this.change((d) => update(d.questions[index]!))
    const move = (by: number) =>
      this.change((d) => {
        const [moved] = d.questions.splice(index, 1)
        d.questions.splice(index + by, 0, moved!)
      })
    const retype = (id: string) =>
      set((q) => {
        q.type = id
        q.config = structuredClone(types.find((candidate) => candidate.id === id)?.builder.defaultConfig ?? {})
      })
    return html`<div class="question" data-question=${question.id}>
      <div class="row">
        <label>${t.type}<select name="type" @change=${(e: Event) => retype(typedValue(e))}>
          ${types.map((option) => html`<option value=${option.id} ?selected=${option.id === question.type}>${labelIn(option.label, this.locale)}</option>`)}
        </select></label>
        <label><input type="checkbox" name="required" .checked=${question.required} @change=${(e: Event) => set((q) => (q.required = isChecked(e)))}> ${t.required}</label>
      </div>
      ${draft.locales.map(
        (locale) =>
          html`<label>${t.text} (${locale})<input name="text-${locale}" .value=${question.text[locale] ?? ''} @input=${(e: Event) => set((q) => (q.text[locale] = typedValue(e)))}></label>`,
      )}
      ${renderConfigFields({
        fields: type?.builder.fields ?? [],
        config: question.config,
        defaults: type?.builder.defaultConfig ?? {},
        surveyLocales: draft.locales,
        locale: this.locale,
        onChange: (update) => set((q) => (q.config = update(q.config))),
      })}
      <div class="question-tools">
        <button ?disabled=${index === 0} @click=${() => move(-1)} aria-label=${t.up}>↑</button>
        <button ?disabled=${index === draft.questions.length - 1} @click=${() => move(1)} aria-label=${t.down}>↓</button>
        <button ?disabled=${draft.questions.length === 1} @click=${() => this.change((d) => d.questions.splice(index, 1))} aria-label=${t.remove}>✕</button>
      </div>
    </div>`
  }

  private renderSurveyFields(draft: DraftSurvey, touchpoints: BuilderChoices['touchpoints']) {
    const t = this.texts
    const field = <K extends keyof DraftSurvey>(key: K, value: DraftSurvey[K]) => this.change((d) => (d[key] = value))
    const oneOf = <T extends string>(options: readonly T[], value: string) => options.find((option) => option === value)
    const kinds = ['relational', 'transactional', 'in-the-moment'] as const
    const statuses = ['draft', 'active', 'closed'] as const
    return html`<label>${t.name}<input name="name" .value=${draft.name} @input=${(e: Event) => field('name', typedValue(e))}></label>
      <div class="row">
        <label>${t.kind}<select name="kind" @change=${(e: Event) => field('kind', oneOf(kinds, typedValue(e)) ?? draft.kind)}>
          ${kinds.map((kind) => html`<option ?selected=${kind === draft.kind}>${kind}</option>`)}
        </select></label>
        <label>${t.status}<select name="status" @change=${(e: Event) => field('status', oneOf(statuses, typedValue(e)) ?? draft.status)}>
          ${statuses.map((status) => html`<option ?selected=${status === draft.status}>${status}</option>`)}
        </select></label>
        <label>${t.touchpoint}<select name="touchpoint" @change=${(e: Event) => field('touchpointId', typedValue(e) || null)}>
          <option value="">${t.none}</option>
          ${touchpoints.map((tp) => html`<option value=${tp.id} ?selected=${tp.id === draft.touchpointId}>${tp.name}</option>`)}
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
                  d.locales = isChecked(e)
                    ? [...new Set([...d.locales, locale])]
                    : d.locales.filter((l) => l !== locale)
                })}> ${locale}</span> `,
          )}
        </label>
        <label>${t.contactRule}<input type="number" min="0" name="contact" .value=${String(draft.contactRuleDays)} @input=${(e: Event) => field('contactRuleDays', Number(typedValue(e)))}></label>
        <label title=${t.verifiedCustomersHint}><input type="checkbox" name="verified-customers" .checked=${draft.verifiedCustomers} @change=${(e: Event) => field('verifiedCustomers', isChecked(e))}> ${t.verifiedCustomers}</label>
      </div>`
  }

  private renderBuilder(draft: DraftSurvey, choices: BuilderChoices) {
    const t = this.texts
    return html`<div class="builder">
      <div class="card">
        ${this.renderSurveyFields(draft, choices.touchpoints)}
        <strong>${t.questions}</strong>
        ${draft.questions.map((question, index) => this.renderQuestion(question, index, choices.types))}
        <p><button @click=${() => this.change((d) => d.questions.push({ id: nextQuestionId(d.questions), type: 'open', required: false, text: { en: '', nl: '' }, config: {} }))}>${t.addQuestion}</button></p>
        ${
          this.problems.length
            ? html`<div class="errors" role="alert">${t.invalid}<ul>${this.problems.map((p) => html`<li data-field=${p.field}>${p.field.replace(/^body\./, '')}: ${p.message}</li>`)}</ul></div>`
            : nothing
        }
        <div class="actions">
          <button class="primary" name="save" @click=${() => this.save()}>${t.save}</button>
          <button @click=${() => this.dispatchEvent(new CustomEvent('survey-cancelled'))}>${t.cancel}</button>
        </div>
      </div>
      <div>
        <div class="row"><strong>${t.preview}</strong>
          <select name="preview-locale" @change=${(e: Event) => (this.previewLocale = typedValue(e) === 'nl' ? 'nl' : 'en')}>
            ${draft.locales.map((locale) => html`<option ?selected=${locale === this.previewLocale}>${locale}</option>`)}
          </select>
        </div>
        <cx-survey-preview .questions=${this.preview} locale=${this.previewLocale}></cx-survey-preview>
      </div>
    </div>`
  }

  override render() {
    const t = this.texts
    return this.choices.render({
      pending: () =>
        this.draft && this.choices.value
          ? this.renderBuilder(this.draft, this.choices.value)
          : html`<p>${t.loading}</p>`,
      complete: (choices) => (choices && this.draft ? this.renderBuilder(this.draft, choices) : nothing),
      error: (error) =>
        html`<p class="errors" role="alert">${t.loadFailed}: ${error instanceof Error ? error.message : String(error)}</p>`,
    })
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-survey-builder': CxSurveyBuilder
  }
}

import { CxDashboardElement, themeStyles } from '@cxkit/ui'
import { Task } from '@lit/task'
import { css, html } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { repeat } from 'lit/directives/repeat.js'
import { builderTexts } from './builder-texts.js'
import type { ListedSurvey } from './draft-survey.js'
import { surveysPageStyles } from './surveys-page-styles.js'

/**
 * Every survey of the workspace with its public page and QR code. Asks to edit one, or to start a
 * new one, with a `survey-edit` event (detail: the survey, or null for a new one).
 */
@customElement('cx-survey-list')
export class CxSurveyList extends CxDashboardElement {
  static override styles = [
    themeStyles,
    surveysPageStyles,
    css`
      table { width: 100%; border-collapse: collapse; background: var(--_surface); border: 1px solid var(--_border); border-radius: var(--_radius); }
      th, td { text-align: left; padding: 8px 10px; border-bottom: 1px solid var(--_border); font-size: 0.9rem; }
    `,
  ]

  /** A line shown beside the "New survey" button, such as "Saved.". */
  @property() accessor notice = ''

  // A newer workspace's list replaces an older one still loading: the task keeps only its last run.
  private readonly surveys = new Task(this, {
    task: ([workspace], { signal }) =>
      workspace
        ? this.api.get<ListedSurvey[]>(`/api/surveys/surveys?workspace=${encodeURIComponent(workspace)}`, signal)
        : Promise.resolve([]),
    args: () => [this.workspace] as const,
  })

  private get texts() {
    return builderTexts[this.locale === 'nl' ? 'nl' : 'en']
  }

  private edit(survey: ListedSurvey | null) {
    this.dispatchEvent(new CustomEvent<ListedSurvey | null>('survey-edit', { detail: survey }))
  }

  private renderTable(surveys: readonly ListedSurvey[]) {
    const t = this.texts
    const w = encodeURIComponent(this.workspace)
    return html`<table>
      <thead><tr><th>${t.name}</th><th>${t.kind}</th><th>${t.status}</th><th></th></tr></thead>
      <tbody>
        ${repeat(
          surveys,
          // Keyed: a row stays with its survey when the list reloads, so Edit opens the survey it sits beside.
          (survey) => survey.id,
          (survey) => html`<tr data-survey=${survey.id}>
            <td>${survey.name}</td><td>${survey.kind}</td><td>${survey.status}</td>
            <td>
              <a href="/s/${survey.publicToken}" target="_blank" rel="noopener">${t.link}</a> ·
              <a href="/api/surveys/surveys/${survey.id}/qr.svg?workspace=${w}" target="_blank" rel="noopener">${t.qr}</a> ·
              <button @click=${() => this.edit(survey)}>${t.edit}</button>
            </td>
          </tr>`,
        )}
      </tbody>
    </table>`
  }

  override render() {
    const t = this.texts
    return html`<p><button class="primary" @click=${() => this.edit(null)}>${t.add}</button> ${this.notice}</p>
      ${this.surveys.render({
        pending: () => html`<p>${t.loading}</p>`,
        complete: (surveys) => this.renderTable(surveys),
        error: (error) =>
          html`<p class="errors" role="alert">${t.loadFailed}: ${error instanceof Error ? error.message : String(error)}</p>`,
      })}`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-survey-list': CxSurveyList
  }
}

import { CxDashboardElement } from '@cxkit/ui'
import { Task } from '@lit/task'
import { css, html, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { journeyStyles } from '../journey-styles.js'
import { analysisStyles } from './analysis-styles.js'
import { drillDownStyles, renderDrillDown } from './render-drill-down.js'
import type { ResponsesLinkDetail } from './touchpoint-link.js'
import './analysis-messages.js'

/** Responses a page: small enough to read, the API takes up to 100. */
const pageSize = 20

interface ListedResponse {
  id: number
  surveyId: string
  submittedAt: string
  customerId: string | null
  answers: { questionId: string; questionType: string; score: number | null; text: string | null }[]
}

interface ResponsePage {
  total: number
  items: ListedResponse[]
}

/**
 * A touchpoint's or a stage's survey responses, newest first, a page at a time, each with its answers
 * and, when known, a link to its customer: the people behind a heatmap cell, a pain point or a column.
 */
@customElement('cx-journey-responses')
export class CxJourneyResponses extends CxDashboardElement {
  static override styles = [
    ...CxDashboardElement.styles,
    journeyStyles,
    analysisStyles,
    drillDownStyles,
    css`
      .pager { display: flex; gap: 12px; align-items: center; margin-top: 8px; }
      td.answers { font-size: 0.85rem; }
    `,
  ]

  @property({ attribute: false }) accessor filter: ResponsesLinkDetail | undefined
  @state() private accessor offset = 0

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('filter')) this.offset = 0
  }

  private readonly responses = new Task(this, {
    task: async ([workspace, kind, id, offset], { signal }) => {
      if (!workspace || !kind || !id) return null
      const query = new URLSearchParams({ workspace, [kind]: id, limit: String(pageSize), offset: String(offset) })
      return this.api.get<ResponsePage>(`/api/surveys/responses?${query}`, signal)
    },
    args: () => [this.workspace, this.filter?.kind, this.filter?.id, this.offset] as const,
  })

  override focus() {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus()
  }

  private answers(response: ListedResponse) {
    return response.answers
      .map((answer) => {
        if (answer.score !== null) return `${answer.questionId}: ${this.i18n.number(answer.score, 0)}`
        if (answer.text) return `${answer.questionId}: “${answer.text}”`
        return ''
      })
      .filter(Boolean)
      .join(' · ')
  }

  private list(page: ResponsePage) {
    if (page.total === 0) return html`<p class="note" data-total="0">${this.t('journey:responses.none')}</p>`
    const time = new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })
    const workspace = encodeURIComponent(this.workspace)
    const last = Math.min(this.offset + page.items.length, page.total)
    return html`<p class="note" data-total=${page.total}>${this.t('journey:responses.shown', {
      first: this.i18n.number(this.offset + 1, 0),
      last: this.i18n.number(last, 0),
      n: this.i18n.number(page.total, 0),
    })}</p>
      <table class="events">
        <thead><tr>
          <th scope="col">${this.t('journey:links.time')} (UTC)</th>
          <th scope="col">${this.t('journey:responses.survey')}</th>
          <th scope="col">${this.t('journey:responses.answers')}</th>
          <th scope="col">${this.t('journey:links.customer')}</th>
        </tr></thead>
        <tbody>${page.items.map(
          (response) => html`<tr data-response=${response.id}>
            <td>${time.format(new Date(response.submittedAt))}</td>
            <td>${response.surveyId}</td>
            <td class="answers">${this.answers(response)}</td>
            <td>${
              response.customerId
                ? html`<a href="#/customers/${encodeURIComponent(response.customerId)}?workspace=${workspace}"
                    aria-label=${this.t('journey:links.openCustomer', { customer: response.customerId })}>${response.customerId}</a>`
                : html`<span class="muted">${this.t('journey:responses.anonymous')}</span>`
            }</td>
          </tr>`,
        )}</tbody>
      </table>
      <div class="pager">
        <button type="button" ?disabled=${this.offset === 0} @click=${() => (this.offset = Math.max(0, this.offset - pageSize))}>${this.t('journey:responses.newer')}</button>
        <button type="button" ?disabled=${last >= page.total} @click=${() => (this.offset += pageSize)}>${this.t('journey:responses.older')}</button>
      </div>`
  }

  override render() {
    const filter = this.filter
    if (!filter) return nothing
    const heading = this.t(filter.kind === 'stage' ? 'journey:responses.inStage' : 'journey:responses.atTouchpoint', {
      name: filter.name,
    })
    return renderDrillDown(this.i18n, {
      headingId: 'responses-heading',
      heading,
      kind: filter.kind,
      id: filter.id,
      rows: this.responses,
      list: (page) => this.list(page),
      onClose: () => this.dispatchEvent(new CustomEvent('close')),
    })
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-journey-responses': CxJourneyResponses
  }
}

import { CxDashboardElement } from '@cxkit/ui'
import { Task } from '@lit/task'
import { html, nothing } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import type { JourneyEventPage } from '../../schema.js'
import { journeyStyles } from '../journey-styles.js'
import { analysisStyles } from './analysis-styles.js'
import { drillDownStyles, renderDrillDown } from './render-drill-down.js'
import type { TouchpointLinkDetail } from './touchpoint-link.js'
import './analysis-messages.js'

/** How many of a touchpoint's latest events the list shows. */
const shown = 20

/**
 * A touchpoint's latest journey events, newest first, each linking to its customer's page: where a
 * heatmap cell or a pain point leads when the reader wants to see who is behind the figure.
 */
@customElement('cx-journey-touchpoint-events')
export class CxJourneyTouchpointEvents extends CxDashboardElement {
  static override styles = [...CxDashboardElement.styles, journeyStyles, analysisStyles, drillDownStyles]

  @property({ attribute: false }) accessor touchpoint: TouchpointLinkDetail | undefined

  private readonly events = new Task(this, {
    task: async ([workspace, touchpoint], { signal }) => {
      if (!workspace || !touchpoint) return null
      const query = new URLSearchParams({ workspace, touchpoint, limit: String(shown) })
      return this.api.get<JourneyEventPage>(`/api/journey/events?${query}`, signal)
    },
    args: () => [this.workspace, this.touchpoint?.id] as const,
  })

  override focus() {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus()
  }

  private list(page: JourneyEventPage) {
    if (page.events.length === 0) return html`<p class="note">${this.t('journey:links.noEvents')}</p>`
    const time = new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })
    const workspace = encodeURIComponent(this.workspace)
    return html`<table class="events">
      <thead><tr><th scope="col">${this.t('journey:links.time')} (UTC)</th><th scope="col">${this.t('journey:links.customer')}</th></tr></thead>
      <tbody>${page.events.map(
        (event) => html`<tr data-event=${event.id}>
          <td>${time.format(new Date(event.occurredAt))}</td>
          <td><a href="#/customers/${encodeURIComponent(event.customerId)}?workspace=${workspace}"
            aria-label=${this.t('journey:links.openCustomer', { customer: event.customer })}>${event.customer}</a></td>
        </tr>`,
      )}</tbody>
    </table>`
  }

  override render() {
    const touchpoint = this.touchpoint
    if (!touchpoint) return nothing
    return renderDrillDown(this.i18n, {
      headingId: 'events-heading',
      heading: this.t('journey:links.events', { name: touchpoint.name }),
      rows: this.events,
      list: (page) => this.list(page),
      onClose: () => this.dispatchEvent(new CustomEvent('close')),
    })
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-journey-touchpoint-events': CxJourneyTouchpointEvents
  }
}

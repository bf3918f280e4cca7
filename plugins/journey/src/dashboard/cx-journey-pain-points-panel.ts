import { CxPanel, localizeText } from '@cxkit/ui'
import { Task } from '@lit/task'
import { css, html, nothing } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import type { PainPoints } from '../schema.js'
import './analysis/analysis-messages.js'
import { responsesLink, touchpointLink } from './analysis/touchpoint-link.js'

/**
 * The pain-point list: touchpoints ranked by how surely and how far they fall short of the workspace,
 * times the customers passing them, each explained in the reader's language; beneath it the touchpoints
 * that look low but have too few answers to be sure.
 */
@customElement('cx-journey-pain-points-panel')
export class CxJourneyPainPointsPanel extends CxPanel {
  static override styles = [
    ...CxPanel.styles,
    css`
      :host { display: block; }
      button.link { background: none; border: 0; padding: 0; font: inherit; color: var(--_primary); text-decoration: underline; cursor: pointer; }
      button.link:focus-visible { outline: 2px solid var(--_primary); outline-offset: 2px; }
      ol { margin: 0; padding-left: 22px; }
      li { margin-bottom: 10px; }
      .name { font-weight: 600; }
      .responses { font-size: 0.8rem; margin-left: 8px; }
      .impact { color: var(--_bad); font-size: 0.8rem; margin-left: 8px; font-variant-numeric: tabular-nums; }
      .why { display: block; font-size: 0.85rem; color: var(--_muted); }
      p { color: var(--_muted); font-size: 0.85rem; }
    `,
  ]

  /**
   * Touchpoint names link to their latest events, and each entry to its survey responses (the Journey
   * page listens for `journey-touchpoint` and `journey-responses`).
   */
  @property({ type: Boolean }) accessor linked = false
  /** How many entries to show (a registry panel's `props.limit`). */
  @property({ type: Number }) accessor limit = 5

  private readonly data = new Task(this, {
    task: async ([workspace, from, to, limit], { signal }) => {
      if (!workspace || !from || !to) return null
      const query = new URLSearchParams({ workspace, from, to, limit: String(limit) })
      return this.api.get<PainPoints>(`/api/journey/pain-points?${query}`, signal)
    },
    args: () => [this.workspace, this.period.from, this.period.to, this.limit] as const,
  })

  private list(result: PainPoints) {
    const unsure = [...new Set(result.unsure.map((u) => `${u.touchpointId} (n = ${u.n})`))]
    return html`${
      result.items.length === 0
        ? html`<p>${this.t('journey:noPainPoints')}</p>`
        : html`<ol>
            ${result.items.map(
              (item) => html`<li data-touchpoint=${item.touchpointId}>
                <span class="name">${this.linked ? touchpointLink(this, item.touchpointId, item.name, this.t('journey:links.show', { name: item.name })) : item.name}</span>
                <span class="impact" title=${this.t('journey:impactHelp')}
                  >${this.t('journey:impact', { impact: this.i18n.number(item.impact, 1) })}</span
                >${
                  this.linked
                    ? html`<span class="responses">${responsesLink(
                        this,
                        { kind: 'touchpoint', id: item.touchpointId, name: item.name },
                        this.t('journey:links.responsesText'),
                        this.t('journey:links.responsesAt', { name: item.name }),
                      )}</span>`
                    : nothing
                }
                <span class="why">${localizeText(item.explanation, this.locale)}</span>
              </li>`,
            )}
          </ol>`
    }
    ${unsure.length > 0 ? html`<p class="unsure">${this.t('journey:unsure', { list: unsure.join(', ') })}</p>` : nothing}`
  }

  override render() {
    return html`<cx-panel-frame heading=${this.heading}>
      ${this.data.render({
        pending: () => html`<p>${this.t('panel.loading')}</p>`,
        complete: (result) => (result ? this.list(result) : nothing),
        error: (error) =>
          html`<cx-panel-error plugin="journey" locale=${this.locale} message=${String((error as Error).message ?? error)}></cx-panel-error>`,
      })}
    </cx-panel-frame>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-journey-pain-points-panel': CxJourneyPainPointsPanel
  }
}

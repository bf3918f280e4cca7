import { CxPanel } from '@cxkit/ui'
import { Task } from '@lit/task'
import { css, html } from 'lit'
import { customElement, property } from 'lit/decorators.js'

/**
 * The renewal-rate panel: the rate over the dashboard's period with its interval, against the
 * configured target, and the rate per quarter below it.
 */
@customElement('cx-renewal-rate-panel')
export class CxRenewalRatePanel extends CxPanel {
  static override styles = [
    ...CxPanel.styles,
    css`
      :host { display: block; }
      cx-breakdown-table { margin-top: 12px; }
    `,
  ]

  /** The share to beat (0.85 = 85 %), from the plugin's options. */
  @property({ type: Number }) accessor target: number | null = null

  private readonly data = new Task(this, {
    task: async ([workspace, from, to], { signal }) => {
      if (!workspace || !from || !to) return null
      const request = { workspace, from, to }
      const [total, byQuarter] = await Promise.all([
        this.api.metric('renewal-rate', request, signal),
        this.api.metric('renewal-rate', { ...request, groupBy: 'quarter' }, signal),
      ])
      return { total, byQuarter: byQuarter.breakdown ?? [] }
    },
    args: () => [this.workspace, this.period.from, this.period.to] as const,
  })

  override render() {
    return html`<cx-panel-frame heading=${this.heading || 'Renewal rate'}>
      ${this.data.render({
        pending: () => html`<cx-metric-card locale=${this.locale}></cx-metric-card>`,
        complete: (data) =>
          data
            ? html`<cx-metric-card
                  unit="ratio"
                  locale=${this.locale}
                  .result=${data.total}
                  .target=${this.target}
                ></cx-metric-card>
                <cx-breakdown-table unit="ratio" groupBy="quarter" locale=${this.locale} .rows=${data.byQuarter}></cx-breakdown-table>`
            : html`<cx-metric-card locale=${this.locale}></cx-metric-card>`,
        error: (error) =>
          html`<cx-panel-error plugin="renewal-rate" locale=${this.locale} message=${String((error as Error).message ?? error)}></cx-panel-error>`,
      })}
    </cx-panel-frame>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-renewal-rate-panel': CxRenewalRatePanel
  }
}

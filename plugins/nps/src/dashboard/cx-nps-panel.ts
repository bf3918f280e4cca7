import { CxMetricPanel } from '@cxkit/ui'
import { html } from 'lit'
import { customElement } from 'lit/decorators.js'
import './cx-nps-distribution.js'
import './cx-nps-why-panel.js'

/**
 * NPS over the period with its margin of error, by touchpoint, and the distribution of the 0–10 answers
 * under the headline. Unit, direction and formula come from the registry, as for every metric panel.
 */
@customElement('cx-nps-panel')
export class CxNpsPanel extends CxMetricPanel {
  constructor() {
    super()
    this.metric = 'nps'
  }

  protected override renderDetails(filters: Record<string, string>) {
    return html`<cx-nps-distribution .api=${this.api} .period=${this.period} .filters=${filters} workspace=${this.workspace} locale=${this.locale}></cx-nps-distribution>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-nps-panel': CxNpsPanel
  }
}

import { CxMetricPanel } from '@cxkit/ui'
import { html } from 'lit'
import { customElement } from 'lit/decorators.js'
import { npsFormula } from '../schema.js'
import './cx-nps-distribution.js'
import './cx-nps-why-panel.js'

/** NPS over the period with its margin of error, by touchpoint. */
@customElement('cx-nps-panel')
export class CxNpsPanel extends CxMetricPanel {
  override metric = 'nps'
  override unit = 'score' as const
  override breakdownBy = 'touchpoint'
  override formula = npsFormula

  protected override renderDetails(filters: Record<string, string>) {
    return html`<cx-nps-distribution .api=${this.api} .period=${this.period} .filters=${filters} workspace=${this.workspace} locale=${this.locale}></cx-nps-distribution>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-nps-panel': CxNpsPanel
  }
}

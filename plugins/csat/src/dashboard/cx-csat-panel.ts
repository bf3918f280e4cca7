import { CxMetricPanel } from '@cxkit/ui'
import { customElement } from 'lit/decorators.js'

/** CSAT (top-box share) with its Wilson interval, by touchpoint. */
@customElement('cx-csat-panel')
export class CxCsatPanel extends CxMetricPanel {
  override metric = 'csat'
  override unit = 'ratio' as const
  override breakdownBy = 'touchpoint'
  override formula = {
    en: 'CSAT = share of answers in the top two boxes',
    nl: 'CSAT = aandeel antwoorden in de bovenste twee',
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-csat-panel': CxCsatPanel
  }
}

import { CxMetricPanel } from '@cxkit/ui'
import { customElement } from 'lit/decorators.js'

/** CES (mean 1–7) with its t-interval, by touchpoint. */
@customElement('cx-ces-panel')
export class CxCesPanel extends CxMetricPanel {
  override metric = 'ces'
  override unit = 'score' as const
  override breakdownBy = 'touchpoint'
  override formula = {
    en: 'CES = mean effort score, 1–7 (7 = very easy)',
    nl: 'CES = gemiddelde inspanningsscore, 1–7 (7 = heel makkelijk)',
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-ces-panel': CxCesPanel
  }
}

import type { Translator } from '@cxkit/ui'
import { html } from 'lit'
import type { ExitsResult } from './analysis-api.js'
import { formatShare } from './format-share.js'

/** The touchpoints where customers who did not finish the funnel stopped, most frequent first. */
export function renderExits(i18n: Translator, exits: ExitsResult) {
  if (exits.exits.length === 0) {
    return html`<h3>${i18n.t('journey:exits.heading')}</h3><p class="note">${i18n.t('journey:exits.none')}</p>`
  }
  return html`<h3>${i18n.t('journey:exits.heading')}</h3>
    <p class="note">${i18n.t('journey:exits.intro', { n: i18n.number(exits.notCompleted, 0) })}</p>
    <ol class="exits">
      ${exits.exits.map(
        (exit) => html`<li data-touchpoint=${exit.touchpointId}>
          <span>${exit.name ?? exit.touchpointId}</span>
          <span class="figure muted">${i18n.number(exit.customers, 0)} · ${formatShare(i18n, exit.share)}</span>
        </li>`,
      )}
    </ol>`
}

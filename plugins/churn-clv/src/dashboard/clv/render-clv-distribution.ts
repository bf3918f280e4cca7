import type { Translator } from '@cxkit/ui'
import { html, svg } from 'lit'
import type { ClvDistributionResponse } from '../../diagnostics/diagnostics-schemas.js'
import { linear, niceTicks } from './chart-scale.js'

const box = { width: 560, height: 180 }

/** Money in the workspace currency, written as the reader's language writes it. */
export function money(locale: string, currency: string, amount: number, compact = false): string {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    ...(compact ? { notation: 'compact', maximumSignificantDigits: 2 } : {}),
  }).format(amount)
}

/**
 * The latest fit's CLV per customer: n, median, mean and total, and customers per log-spaced CLV range
 * as bars (equal widths: the ranges grow ×2, ×2.5, ×2), with the counts in a table beneath.
 */
export function renderClvDistribution(i18n: Translator, locale: string, answer: ClvDistributionResponse) {
  if (answer.customers === 0) return html`<p class="muted">${i18n.t('churn-clv:clv.noScores')}</p>`
  const format = (amount: number, compact = false) => money(locale, answer.currency, amount, compact)
  const units = answer.unit ? i18n.t(`churn-clv:clv.units.${answer.unit}`) : ''
  const ticks = niceTicks(Math.max(...answer.bins.map((b) => b.customers)))
  const y = linear(ticks.at(-1)!, box.height)
  const slot = box.width / answer.bins.length
  const range = (bin: ClvDistributionResponse['bins'][number]) => `${format(bin.from)} – ${format(bin.to)}`
  return html`<p class="distribution-summary">${i18n.t('churn-clv:clv.distributionSummary', {
    n: i18n.number(answer.customers, 0),
    median: format(answer.median!),
    mean: format(answer.mean!),
    total: format(answer.total!),
    horizon: i18n.t('churn-clv:clv.horizonValue', { n: i18n.number(answer.horizon ?? 0, 0), units }),
  })}</p>
    <figure class="chart distribution">
      <svg viewBox="-48 -8 ${box.width + 56} ${box.height + 30}" role="img"
        aria-label=${i18n.t('churn-clv:clv.distributionChart', { min: format(answer.min!), max: format(answer.max!) })}>
        ${ticks.map(
          (
            tick,
          ) => svg`<line class="grid" x1="0" x2=${box.width} y1=${box.height - y(tick)} y2=${box.height - y(tick)}></line>
            <text class="tick" x="-6" y=${box.height - y(tick) + 4} text-anchor="end">${i18n.number(tick, 0)}</text>`,
        )}
        ${answer.bins.map(
          (bin, i) => svg`<rect class="bin" x=${i * slot + 1} y=${box.height - y(bin.customers)} width=${slot - 2}
              height=${y(bin.customers)} data-from=${bin.from} data-value=${bin.customers}><title>${range(bin)}: ${bin.customers}</title></rect>
            <text class="tick" x=${i * slot} y=${box.height + 16} text-anchor="middle">${format(bin.from, true)}</text>`,
        )}
        <path class="axis" d="M0,0 V${box.height} H${box.width}"></path>
      </svg>
      <details><summary>${i18n.t('churn-clv:clv.showTable')}</summary>
        <table class="distribution-table">
          <thead><tr><th scope="col">${i18n.t('churn-clv:clv.range')}</th>
            <th scope="col" class="figure">${i18n.t('churn-clv:clv.customers')}</th></tr></thead>
          <tbody>${answer.bins.map(
            (bin) => html`<tr data-from=${bin.from}><th scope="row">${range(bin)}</th>
              <td class="figure">${i18n.number(bin.customers, 0)}</td></tr>`,
          )}</tbody>
        </table>
      </details>
    </figure>`
}

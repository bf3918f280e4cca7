import type { Translator } from '@cxkit/ui'
import { html, nothing, svg } from 'lit'
import type { ClvDiagnostics } from '../../diagnostics/diagnostics-schemas.js'
import { linear, linePath, niceTicks } from './chart-scale.js'

const box = { width: 560, height: 200 }

/** The y axis: tick labels and faint grid lines from 0 to the top tick. */
function yAxis(i18n: Translator, ticks: number[]) {
  const y = linear(ticks.at(-1)!, box.height)
  return ticks.map(
    (
      tick,
    ) => svg`<line class="grid" x1="0" x2=${box.width} y1=${box.height - y(tick)} y2=${box.height - y(tick)}></line>
      <text class="tick" x="-6" y=${box.height - y(tick) + 4} text-anchor="end">${i18n.number(tick, 0)}</text>`,
  )
}

function legend(i18n: Translator) {
  return html`<p class="legend">
    <span class="swatch actual"></span>${i18n.t('churn-clv:clv.actual')}
    <span class="swatch expected"></span>${i18n.t('churn-clv:clv.expected')}
  </p>`
}

/**
 * Fader, Hardie & Lee's Figure 1: customers per number of calibration repeat purchases, actual bars
 * beside expected ones, with the numbers in a table beneath for screen readers and copying.
 */
export function renderRepeatHistogram(i18n: Translator, diagnostics: ClvDiagnostics) {
  const { bars, customers } = diagnostics.histogram
  const hasExpected = bars.some((b) => b.expected !== null)
  const ticks = niceTicks(Math.max(...bars.map((b) => Math.max(b.actual, b.expected ?? 0))))
  const y = linear(ticks.at(-1)!, box.height)
  const slot = box.width / bars.length
  const barWidth = slot * 0.36
  const label = (bar: (typeof bars)[number]) =>
    bar.orMore ? i18n.t('churn-clv:clv.orMore', { n: bar.repeats }) : String(bar.repeats)
  return html`<figure class="chart histogram">
    <svg viewBox="-48 -8 ${box.width + 56} ${box.height + 44}" role="img"
      aria-label=${i18n.t('churn-clv:clv.histogramChart', { until: diagnostics.until })}>
      ${yAxis(i18n, ticks)}
      ${bars.map((bar, i) => {
        const left = i * slot + slot * 0.12
        return svg`<g class="pair" data-repeats=${bar.repeats}>
          <rect class="actual" x=${left} y=${box.height - y(bar.actual)} width=${barWidth} height=${y(bar.actual)}
            data-value=${bar.actual}></rect>
          ${
            bar.expected === null
              ? nothing
              : svg`<rect class="expected" x=${left + barWidth} y=${box.height - y(bar.expected)} width=${barWidth}
                  height=${y(bar.expected)} data-value=${bar.expected.toFixed(1)}></rect>`
          }
          <text class="tick" x=${i * slot + slot / 2} y=${box.height + 16} text-anchor="middle">${label(bar)}</text>
        </g>`
      })}
      <path class="axis" d="M0,0 V${box.height} H${box.width}"></path>
      <text class="tick" x=${box.width / 2} y=${box.height + 34} text-anchor="middle">${i18n.t('churn-clv:clv.repeats')}</text>
    </svg>
    ${legend(i18n)}
    <figcaption class="note">${i18n.t('churn-clv:clv.histogramNote', { n: i18n.number(customers, 0) })}
      ${hasExpected ? nothing : i18n.t('churn-clv:clv.noExpectedHistogram', { model: i18n.t(`churn-clv:clv.model.${diagnostics.model}`) })}</figcaption>
    <details><summary>${i18n.t('churn-clv:clv.showTable')}</summary>
      <table class="histogram-table">
        <thead><tr><th scope="col">${i18n.t('churn-clv:clv.repeats')}</th>
          <th scope="col" class="figure">${i18n.t('churn-clv:clv.actual')}</th>
          <th scope="col" class="figure">${i18n.t('churn-clv:clv.expected')}</th></tr></thead>
        <tbody>${bars.map(
          (bar) => html`<tr data-repeats=${bar.repeats}><th scope="row">${label(bar)}</th>
            <td class="figure actual">${i18n.number(bar.actual, 0)}</td>
            <td class="figure expected">${bar.expected === null ? '–' : i18n.number(bar.expected, 1)}</td></tr>`,
        )}</tbody>
      </table>
    </details>
  </figure>`
}

type Period = ClvDiagnostics['tracking']['periods'][number]

/** Two lines over time, actual and expected, with the calibration end as a vertical line. */
function trackingChart(
  i18n: Translator,
  diagnostics: ClvDiagnostics,
  value: (p: Period) => [number, number],
  ariaLabel: string,
  kind: string,
) {
  const { periods, calibrationEnd, unitsPerPeriod } = diagnostics.tracking
  const maxT = periods.at(-1)!.t
  const x = linear(maxT, box.width)
  const ticks = niceTicks(Math.max(...periods.flatMap(value)))
  const y = linear(ticks.at(-1)!, box.height)
  const start = kind === 'cumulative' ? [[0, 0] as const] : []
  const line = (pick: 0 | 1) =>
    linePath([...start, ...periods.map((p) => [x(p.t), y(value(p)[pick])] as const)], box.height)
  const units = i18n.t(`churn-clv:clv.units.${diagnostics.unit}`)
  const end = x(calibrationEnd)
  return html`<figure class="chart tracking ${kind}">
    <svg viewBox="-48 -8 ${box.width + 56} ${box.height + 44}" role="img" aria-label=${ariaLabel}>
      ${yAxis(i18n, ticks)}
      ${niceTicks(maxT, 6)
        .filter((t) => t <= maxT)
        .map(
          (t) =>
            svg`<text class="tick" x=${x(t)} y=${box.height + 16} text-anchor="middle">${i18n.number(t, 0)}</text>`,
        )}
      <line class="calibration-end" x1=${end} x2=${end} y1="0" y2=${box.height} data-t=${calibrationEnd}></line>
      <text class="tick" x=${end + 4} y="10">${i18n.t('churn-clv:clv.calibrationEnd')}</text>
      <path class="line actual" d=${line(0)}></path>
      <path class="line expected" d=${line(1)}></path>
      <path class="axis" d="M0,0 V${box.height} H${box.width}"></path>
      <text class="tick" x=${box.width / 2} y=${box.height + 34} text-anchor="middle">${i18n.t('churn-clv:clv.sinceStart', { units, from: periods[0]!.from })}</text>
    </svg>
    ${legend(i18n)}
    ${unitsPerPeriod > 1 ? html`<p class="note">${i18n.t('churn-clv:clv.unitsPerPeriod', { n: unitsPerPeriod, units })}</p>` : nothing}
  </figure>`
}

/**
 * Fader, Hardie & Lee's Figures 2 and 3: cumulative and per-period repeat purchases, actual against
 * expected, through the holdout after the calibration end; the numbers in one table beneath.
 */
export function renderRepeatTracking(i18n: Translator, diagnostics: ClvDiagnostics) {
  const { periods } = diagnostics.tracking
  if (periods.length === 0) return nothing
  const unit = i18n.t(`churn-clv:clv.unit.${diagnostics.unit}`)
  const until = diagnostics.until
  const hasHoldout = periods.some((p) => p.holdout)
  return html`
    ${trackingChart(i18n, diagnostics, (p) => [p.cumulativeActual, p.cumulativeExpected], i18n.t('churn-clv:clv.cumulativeChart', { unit, until }), 'cumulative')}
    ${trackingChart(i18n, diagnostics, (p) => [p.actual, p.expected], i18n.t('churn-clv:clv.periodChart', { unit, until }), 'per-period')}
    <p class="note">${i18n.t('churn-clv:clv.trackingNote', { until })}
      ${hasHoldout ? nothing : i18n.t('churn-clv:clv.noHoldout')}</p>
    <details><summary>${i18n.t('churn-clv:clv.showTable')}</summary>
      <table class="tracking-table">
        <thead><tr><th scope="col">${i18n.t('churn-clv:clv.period')}</th>
          <th scope="col" class="figure">${i18n.t('churn-clv:clv.actual')}</th>
          <th scope="col" class="figure">${i18n.t('churn-clv:clv.expected')}</th>
          <th scope="col" class="figure">${i18n.t('churn-clv:clv.cumulativeActual')}</th>
          <th scope="col" class="figure">${i18n.t('churn-clv:clv.cumulativeExpected')}</th></tr></thead>
        <tbody>${periods.map(
          (p) => html`<tr data-from=${p.from} class=${p.holdout ? 'holdout' : ''}>
            <th scope="row">${p.from}${p.holdout ? html` <span class="muted">(${i18n.t('churn-clv:clv.holdout')})</span>` : nothing}</th>
            <td class="figure">${i18n.number(p.actual, 0)}</td>
            <td class="figure">${i18n.number(p.expected, 1)}</td>
            <td class="figure">${i18n.number(p.cumulativeActual, 0)}</td>
            <td class="figure">${i18n.number(p.cumulativeExpected, 1)}</td></tr>`,
        )}</tbody>
      </table>
    </details>`
}

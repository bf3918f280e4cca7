import { localizeText, type Translator } from '@cxkit/ui'
import { nothing, svg } from 'lit'
import type { EmotionRow } from './emotion-rows.js'

const width = 640
const height = 200
const pad = { left: 34, right: 12, top: 12, bottom: 28 }

/**
 * The emotion curve as SVG: the map's emotion as a line, the measured score as dots with their 95 %
 * interval, both on −2 … +2; stages where the two disagree are ringed. Colours come from classes.
 */
export function renderEmotionChart(i18n: Translator, locale: string, rows: readonly EmotionRow[]) {
  if (rows.length === 0) return nothing
  const step = (width - pad.left - pad.right) / rows.length
  const x = (index: number) => pad.left + step * (index + 0.5)
  const y = (value: number) => pad.top + ((2 - value) / 4) * (height - pad.top - pad.bottom)
  const belief = rows.flatMap((row, index) => (row.belief === null ? [] : [`${x(index)},${y(row.belief)}`]))
  return svg`<svg class="emotion-chart" viewBox="0 0 ${width} ${height}" role="img" aria-label=${i18n.t('journey:emotion.curve')}>
    ${[-2, -1, 0, 1, 2].map(
      (
        level,
      ) => svg`<line class=${level === 0 ? 'axis zero' : 'axis'} x1=${pad.left} x2=${width - pad.right} y1=${y(level)} y2=${y(level)}></line>
        <text class="tick" x=${pad.left - 6} y=${y(level)} dy="0.35em" text-anchor="end">${level > 0 ? `+${level}` : level}</text>`,
    )}
    ${belief.length > 1 ? svg`<polyline class="belief" points=${belief.join(' ')}><title>${i18n.t('journey:emotion.belief')}</title></polyline>` : nothing}
    ${rows.map((row, index) =>
      row.belief === null
        ? nothing
        : svg`<circle class="belief-dot" cx=${x(index)} cy=${y(row.belief)} r="4"></circle>`,
    )}
    ${rows.map((row, index) => {
      const measured = row.measured
      if (!measured) return nothing
      return svg`<g class=${row.disagree ? 'measured disagree' : 'measured'} data-stage=${row.stage.id}>
        ${measured.lower !== null && measured.upper !== null ? svg`<line class="interval" x1=${x(index)} x2=${x(index)} y1=${y(measured.upper)} y2=${y(measured.lower)}></line>` : nothing}
        <rect class="data-dot" x=${x(index) - 4} y=${y(measured.value) - 4} width="8" height="8"><title>${i18n.t('journey:emotion.data')}: ${i18n.number(measured.value, 1)}</title></rect>
        ${row.disagree ? svg`<circle class="ring" cx=${x(index)} cy=${y(measured.value)} r="11"></circle>` : nothing}
      </g>`
    })}
    ${rows.map(
      (row, index) =>
        svg`<text class="stage" x=${x(index)} y=${height - 8} text-anchor="middle">${localizeText(row.stage.label, locale)}</text>`,
    )}
  </svg>
  <p class="note legend"><span class="key belief-key">━</span> ${i18n.t('journey:emotion.belief')} · <span class="key data-key">■</span> ${i18n.t('journey:emotion.data')}</p>`
}

import type { Translator } from '@cxkit/ui'
import { html, nothing, svg } from 'lit'
import type { FunnelResult } from './analysis-api.js'
import { formatDuration, formatShare, isUncertain } from './format-share.js'

type Step = FunnelResult['steps'][number]

/** A conversion as a bar with its 95 % interval as a whisker, drawn with SVG attributes (no inline styles). */
function conversionBar(share: FunnelResult['total']['steps'][number]['conversion']) {
  const value = (share.value ?? 0) * 100
  const interval = share.interval
  return svg`<svg class="conversion" viewBox="0 0 100 12" preserveAspectRatio="none" width="100%" height="14" aria-hidden="true">
    <rect class="track" x="0" y="2" width="100" height="8"></rect>
    <rect class="bar" x="0" y="2" width=${value} height="8"></rect>
    ${
      interval
        ? svg`<line class="whisker" x1=${interval.lower * 100} x2=${interval.upper * 100} y1="6" y2="6" vector-effect="non-scaling-stroke"></line>`
        : nothing
    }
  </svg>`
}

/**
 * The funnel's steps as rows: name, customers reaching it, conversion from step 1 with its interval (as
 * text and as a bar with a whisker), drop-off and median time from the previous step. A step with few
 * customers or a wide interval is marked uncertain.
 */
export function renderFunnelSteps(i18n: Translator, funnel: FunnelResult, name: (step: Step) => string) {
  const steps = funnel.total.steps
  return html`<p class="note">${i18n.t('journey:funnel.entered', { n: i18n.number(funnel.total.entered, 0) })}</p>
    <div class="scroll"><table class="funnel">
      <thead><tr>
        <th scope="col">${i18n.t('journey:funnel.steps')}</th>
        <th scope="col" class="figure">${i18n.t('journey:funnel.reached')}</th>
        <th scope="col">${i18n.t('journey:funnel.conversion')}</th>
        <th scope="col" class="figure">${i18n.t('journey:funnel.dropOff')}</th>
        <th scope="col" class="figure">${i18n.t('journey:funnel.median')}</th>
      </tr></thead>
      <tbody>
        ${steps.map((step, index) => {
          const described = funnel.steps[index]!
          const uncertain = isUncertain(step.conversion)
          return html`<tr class=${uncertain ? 'step uncertain' : 'step'} data-step=${step.step} data-reached=${step.reached}>
            <th scope="row">${index + 1}. ${name(described)}</th>
            <td class="figure reached">${i18n.number(step.reached, 0)}</td>
            <td>
              ${conversionBar(step.conversion)}
              <span class="figure conversion-text">${formatShare(i18n, step.conversion)}</span>
              ${uncertain ? html`<span class="muted uncertain-note">· ${i18n.t('journey:funnel.uncertain')}</span>` : nothing}
            </td>
            <td class="figure">${index === 0 ? '–' : i18n.number(step.dropOff, 0)}</td>
            <td class="figure">${step.medianMsFromPrevious === null ? '–' : formatDuration(i18n, step.medianMsFromPrevious)}</td>
          </tr>`
        })}
      </tbody>
    </table></div>`
}

/** The funnel per group (`by`): each group's conversion to every step, with interval and n. */
export function renderFunnelGroups(i18n: Translator, funnel: FunnelResult, name: (step: Step) => string) {
  return html`<div class="scroll"><table class="groups">
    <thead><tr>
      <th scope="col">${i18n.t('journey:funnel.group')}</th>
      ${funnel.steps.slice(1).map((step) => html`<th scope="col">${name(step)}</th>`)}
    </tr></thead>
    <tbody>
      ${funnel.groups.map(
        (group) => html`<tr data-group=${group.key ?? ''}>
          <th scope="row">${group.key ?? i18n.t('journey:funnel.noValue')} <span class="muted">(n = ${i18n.number(group.entered, 0)})</span></th>
          ${group.steps
            .slice(1)
            .map(
              (step) =>
                html`<td class=${isUncertain(step.conversion) ? 'figure uncertain' : 'figure'}>${formatShare(i18n, step.conversion)}</td>`,
            )}
        </tr>`,
      )}
    </tbody>
  </table></div>`
}

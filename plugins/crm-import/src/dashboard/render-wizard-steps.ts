import type { Translator } from '@cxkit/ui'
import { css, html } from 'lit'

export const wizardSteps = ['upload', 'preview', 'mapping', 'dryRun', 'import', 'report'] as const
export type WizardStep = (typeof wizardSteps)[number]

const stepKeys = {
  upload: 'crm-import:step.upload',
  preview: 'crm-import:step.preview',
  mapping: 'crm-import:step.mapping',
  dryRun: 'crm-import:step.dryRun',
  import: 'crm-import:step.import',
  report: 'crm-import:step.report',
} as const

/** The step list's look: in a style sheet, since the app's Content-Security-Policy refuses inline styles. */
export const wizardStepsStyles = css`
  ol.steps { display: flex; flex-wrap: wrap; gap: 16px; padding-left: 20px; margin: 12px 0 20px; }
  ol.steps li.later { color: var(--_muted); }
  ol.steps li[aria-current='step'] { font-weight: 700; }
`

/** The wizard's steps as an ordered list, the current one marked for screen readers too. */
export function renderWizardSteps(i18n: Translator, current: WizardStep) {
  const at = wizardSteps.indexOf(current)
  return html`<ol class="steps">
    ${wizardSteps.map(
      (step, index) =>
        html`<li class=${index > at ? 'later' : ''} aria-current=${step === current ? 'step' : 'false'}>${i18n.t(stepKeys[step])}</li>`,
    )}
  </ol>`
}

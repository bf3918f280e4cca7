import type { Translator } from '@cxkit/ui'
import { html } from 'lit'

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

/** The wizard's steps as an ordered list, the current one marked for screen readers too. */
export function renderWizardSteps(i18n: Translator, current: WizardStep) {
  const at = wizardSteps.indexOf(current)
  return html`<ol style="display:flex;gap:16px;padding-left:20px;margin:12px 0 20px">
    ${wizardSteps.map(
      (step, index) =>
        html`<li aria-current=${step === current ? 'step' : 'false'}
          style="font-weight:${step === current ? 700 : 400};color:${index > at ? 'var(--_muted)' : 'inherit'}">
          ${i18n.t(stepKeys[step])}</li>`,
    )}
  </ol>`
}

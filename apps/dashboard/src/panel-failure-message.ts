import type { Translator } from '@cxkit/ui'
import type { PanelFailure } from './load-panels.js'

/**
 * Why a panel could not be shown, in the reader's language.
 *
 * @example
 * panelFailureMessage({ reason: 'not-defined', seconds: 2 }, 'cx-nps-panel', createTranslator('en'))
 * // '<cx-nps-panel> was not defined within 2 s'
 */
export function panelFailureMessage(failure: PanelFailure, tag: string, i18n: Translator): string {
  switch (failure.reason) {
    case 'not-built':
      return i18n.t('panel.notBuilt')
    case 'import-failed':
      return i18n.t('panel.importFailed', { detail: failure.detail })
    case 'not-defined':
      return i18n.t('panel.notDefined', { tag: `<${tag}>`, seconds: failure.seconds })
  }
}

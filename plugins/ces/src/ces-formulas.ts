import type { LocalizedText } from '@cxkit/core'
import type { CesOptions } from './options.js'

/**
 * The formula of `ces-easy` for the cut-off in force: a workspace that counts 6–7 as easy reads "answers 6–7".
 *
 * @example
 * cesEasyFormula({ easyFrom: 6 }).en // 'answers 6–7 ÷ all answers; 95% Wilson interval'
 */
export function cesEasyFormula({ easyFrom }: CesOptions): LocalizedText {
  return {
    en: `answers ${easyFrom}–7 ÷ all answers; 95% Wilson interval`,
    nl: `antwoorden ${easyFrom}–7 ÷ alle antwoorden; 95%-Wilson-interval`,
  }
}

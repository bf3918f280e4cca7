import type { LocalizedText } from '@cxkit/core'
import { type CesSettings, cesSettingsSchema } from './settings.js'

/**
 * The formula of `ces-easy` for the cut-off in force: a workspace that counts 6–7 as easy reads "answers 6–7".
 *
 * @example
 * cesEasyFormula({ easyFrom: 5 })({ easyFrom: 6 }).en // 'answers 6–7 ÷ all answers; 95% Wilson interval'
 */
export const cesEasyFormula =
  (fallback: CesSettings) =>
  (settings: Readonly<Record<string, unknown>>): LocalizedText => {
    const parsed = cesSettingsSchema.safeParse(settings)
    const { easyFrom } = parsed.success ? parsed.data : fallback
    return {
      en: `answers ${easyFrom}–7 ÷ all answers; 95% Wilson interval`,
      nl: `antwoorden ${easyFrom}–7 ÷ alle antwoorden; 95%-Wilson-interval`,
    }
  }

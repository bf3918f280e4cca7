import type { LocalizedText } from '@cxkit/core'
import type { CsatOptions } from './options.js'

/**
 * The CSAT formula in words for the box count and scale in force: a workspace that counts only the top box
 * reads "top 1 boxes", not the install's default.
 *
 * @example
 * csatFormula({ scale: 5, topBoxes: 1 }).en // 'CSAT = answers in the top 1 boxes (5–5 on 1–5) ÷ …'
 */
export function csatFormula({ scale, topBoxes }: CsatOptions): LocalizedText {
  const boxes = scale === 5 ? `${6 - topBoxes}–5` : `${11 - topBoxes}–10`
  return {
    en: `CSAT = answers in the top ${topBoxes} boxes (${boxes} on 1–${scale}) ÷ all answers; 95% Wilson interval`,
    nl: `CSAT = antwoorden in de bovenste ${topBoxes} (${boxes} op 1–${scale}) ÷ alle antwoorden; 95%-Wilson-interval`,
  }
}

/** The mean CSAT formula for the scale in force. */
export function csatMeanFormula({ scale }: CsatOptions): LocalizedText {
  return {
    en: `mean of 1–${scale} answers; 95% t-interval`,
    nl: `gemiddelde van 1–${scale}-antwoorden; 95%-t-interval`,
  }
}

import type { ScoreGroup } from '@cxkit/plugin-surveys/schema'

/** An answer of `questionType` is negative when its score is at most `maxScore`. */
export interface NegativeAnswerRule {
  questionType: string
  maxScore: number
}

/** What the rules are made of: each owner's own definition, never a copy of its cut-offs. */
export interface NegativeAnswerSources {
  /** The enabled question types with their score groups (NPS declares `detractor`, 0–6). */
  questionTypes: readonly { id: string; scoreGroups?: readonly ScoreGroup[] }[]
  /** The workspace's `csat` metric settings when CSAT is enabled: how many top boxes count as satisfied. */
  csat?: { topBoxes: number }
  /** The workspace's `ces-easy` metric settings when CES is enabled: the lowest answer that counts as easy. */
  ces?: { easyFrom: number }
}

/**
 * Which survey answers are negative, per question type:
 * - a type that declares a `detractor` score group (NPS: 0–6): a score in that group;
 * - CSAT: the mirror of the satisfied top boxes, the same number of bottom boxes (top 2 satisfied on 1–5
 *   is 4–5, so 1–2 is negative; on 1–10, 1–2), so a neutral middle stays neutral;
 * - CES (1–7): the mirror of the easy side (easy from 5 is 5–7, so 1–3 is hard).
 *
 * @example
 * negativeAnswerRules({ questionTypes: [npsType], csat: { topBoxes: 2 } })
 * // [{ questionType: 'nps', maxScore: 6 }, { questionType: 'csat', maxScore: 2 }]
 */
export function negativeAnswerRules(sources: NegativeAnswerSources): NegativeAnswerRule[] {
  const rules: NegativeAnswerRule[] = []
  for (const type of sources.questionTypes) {
    const detractor = type.scoreGroups?.find((group) => group.id === 'detractor')
    if (detractor) rules.push({ questionType: type.id, maxScore: detractor.max })
  }
  const enabled = new Set(sources.questionTypes.map((type) => type.id))
  if (sources.csat && enabled.has('csat')) rules.push({ questionType: 'csat', maxScore: sources.csat.topBoxes })
  if (sources.ces && enabled.has('ces')) rules.push({ questionType: 'ces', maxScore: 8 - sources.ces.easyFrom })
  return rules
}

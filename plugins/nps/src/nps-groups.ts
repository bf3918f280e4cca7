import type { ScoreGroup } from '@cxkit/plugin-surveys/schema'

/**
 * Detractors answer 0–6, passives 7–8, promoters 9–10 (domain.md; not 8–10). The one place NPS's
 * cut-offs are written: the metric, the panels and the survey engine's verbatims read them from here.
 *
 * @example
 * npsGroup('promoter').min // 9
 */
export const npsGroups = [
  { id: 'detractor', label: { en: 'Detractors', nl: 'Criticasters' }, min: 0, max: 6 },
  { id: 'passive', label: { en: 'Passives', nl: 'Passief' }, min: 7, max: 8 },
  { id: 'promoter', label: { en: 'Promoters', nl: 'Promoters' }, min: 9, max: 10 },
] as const satisfies readonly ScoreGroup[]

export type NpsGroupId = (typeof npsGroups)[number]['id']

/** One NPS group by id. */
export function npsGroup<TId extends NpsGroupId>(id: TId): Extract<(typeof npsGroups)[number], { id: TId }> {
  return npsGroups.find((group): group is Extract<(typeof npsGroups)[number], { id: TId }> => group.id === id)!
}

/**
 * A group's scores as people write them: `9–10`.
 *
 * @example
 * scoreRange(npsGroup('detractor')) // '0–6'
 */
export function scoreRange(group: ScoreGroup): string {
  return `${group.min}–${group.max}`
}

/**
 * The NPS formula with the cut-offs filled in, in English and Dutch.
 *
 * @example
 * npsFormula.en // 'NPS = % promoters (9–10) − % detractors (0–6)'
 */
export const npsFormula = {
  en: `NPS = % promoters (${scoreRange(npsGroup('promoter'))}) − % detractors (${scoreRange(npsGroup('detractor'))})`,
  nl: `NPS = % promoters (${scoreRange(npsGroup('promoter'))}) − % criticasters (${scoreRange(npsGroup('detractor'))})`,
}

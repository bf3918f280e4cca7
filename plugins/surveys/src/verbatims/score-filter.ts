import { CxValidationError } from '@cxkit/core'
import type { QuestionRegistry } from '../question-registry.js'
import type { QuestionType } from '../question-type.js'

/** The scores a verbatims query reads: the answers of one question type, within a range when one is asked. */
export interface ScoreFilter {
  questionType: string
  min?: number
  max?: number
}

/** The query fields that choose the scores. */
export interface ScoreRequest {
  scoreType?: string
  group?: string
  minScore?: number
  maxScore?: number
}

/**
 * Resolves which scores a verbatims query reads. A group's range comes from the question type that
 * declares it, so the cut-offs live with that type (NPS's with plugin-nps). Without a `scoreType`, the
 * first type that declares the group is read, or, without a group, the first type with score groups.
 *
 * @example
 * resolveScoreFilter({ scoreType: 'nps', group: 'detractor' }, registry) // { questionType: 'nps', min: 0, max: 6 }
 */
export function resolveScoreFilter(request: ScoreRequest, registry: QuestionRegistry): ScoreFilter {
  const type = request.scoreType ?? defaultScoreType(request.group, registry.all())
  if (!request.group) return { questionType: type, min: request.minScore, max: request.maxScore }
  const groups = registry.get(type)?.scoreGroups ?? []
  const group = groups.find((candidate) => candidate.id === request.group)
  if (!group) {
    const known = groups.length ? `its groups: ${groups.map((g) => g.id).join(', ')}` : 'it declares no score groups'
    throw problem(
      'query.group',
      'unknown_group',
      `question type '${type}' has no score group '${request.group}'; ${known}`,
    )
  }
  return { questionType: type, min: group.min, max: group.max }
}

function defaultScoreType(group: string | undefined, types: readonly QuestionType[]): string {
  const grouped = types.filter((type) => type.scoreGroups?.length)
  const chosen = group ? grouped.find((type) => (type.scoreGroups ?? []).some((g) => g.id === group)) : grouped[0]
  if (chosen) return chosen.id
  throw group
    ? problem('query.group', 'unknown_group', `no enabled question type has a score group '${group}'`)
    : problem('query.scoreType', 'required', 'no enabled question type has score groups: name the scoreType to read')
}

function problem(field: string, code: string, message: string): CxValidationError {
  return new CxValidationError([{ field, code, message }])
}

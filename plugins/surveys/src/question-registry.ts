import type { PluginContext } from '@cxkit/core'
import {
  openQuestionType,
  type QuestionType,
  type QuestionTypeSummary,
  questionTypesPoint,
  reasonsQuestionType,
} from './question-type.js'

/** The question types this install knows: the engine's own plus every contributed one. */
export interface QuestionRegistry {
  get(id: string): QuestionType | undefined
  ids(): string[]
  /** Every type: the engine's own first, then the contributed ones in host order. */
  all(): QuestionType[]
}

/** Builds the registry from the host's contributions; a later duplicate id does not replace an earlier one. */
export function createQuestionRegistry(ctx: Pick<PluginContext, 'contributions'>): QuestionRegistry {
  const types = new Map<string, QuestionType>()
  for (const type of [openQuestionType, reasonsQuestionType, ...ctx.contributions(questionTypesPoint)]) {
    if (!types.has(type.id)) types.set(type.id, type)
  }
  return { get: (id) => types.get(id), ids: () => [...types.keys()], all: () => [...types.values()] }
}

/**
 * What the builder needs to offer a type: its label, score groups and builder description, as JSON.
 *
 * @example
 * registry.all().map(summarizeQuestionType) // [{ id: 'open', label: { en: 'Open question', … }, scoreGroups: [], builder: {} }, …]
 */
export function summarizeQuestionType(type: QuestionType): QuestionTypeSummary {
  return { id: type.id, label: type.label, scoreGroups: type.scoreGroups ?? [], builder: type.builder ?? {} }
}

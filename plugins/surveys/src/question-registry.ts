import type { PluginContext } from '@cxkit/core'
import { openQuestionType, type QuestionType, questionTypesPoint, reasonsQuestionType } from './question-type.js'

/** The question types this install knows: the engine's own plus every contributed one. */
export interface QuestionRegistry {
  get(id: string): QuestionType | undefined
  ids(): string[]
}

/** Builds the registry from the host's contributions; a later duplicate id does not replace an earlier one. */
export function createQuestionRegistry(ctx: Pick<PluginContext, 'contributions'>): QuestionRegistry {
  const types = new Map<string, QuestionType>()
  for (const type of [openQuestionType, reasonsQuestionType, ...ctx.contributions(questionTypesPoint)]) {
    if (!types.has(type.id)) types.set(type.id, type)
  }
  return { get: (id) => types.get(id), ids: () => [...types.keys()] }
}

import type { PluginContext } from '@cxkit/core'
import type { QuestionRegistry } from '../question-registry.js'
import { createSurveysRepository } from '../surveys-repository.js'
import { validateSurvey } from '../validate-survey.js'

/** A question type asked on a scale, with its default config; undefined for any other. */
export function scoredType(registry: QuestionRegistry, id: string) {
  const type = registry.get(id)
  const config = type?.configSchema.safeParse({})
  if (!type || !config?.success || type.input(config.data).kind !== 'scale') return undefined
  return { type, config: config.data }
}

/**
 * The survey historical answers of one question type are filed under (`imported-<type>`), created
 * on the first import of that type.
 */
export async function importedSurvey(
  ctx: Pick<PluginContext, 'db'>,
  registry: QuestionRegistry,
  workspace: string,
  type: string,
): Promise<string> {
  const surveys = createSurveysRepository(ctx)
  const id = `imported-${type}`
  if (await surveys.find(workspace, id)) return id
  const definition = validateSurvey(
    {
      id,
      name: `Imported ${type.toUpperCase()} responses`,
      kind: 'relational',
      status: 'active',
      locales: ['en', 'nl'],
      contactRuleDays: 0,
      verifiedCustomers: false,
      linkValidDays: 90,
      questions: [
        {
          id: 'score',
          type,
          required: true,
          config: {},
          text: { en: `${type.toUpperCase()} score`, nl: `${type.toUpperCase()}-score` },
        },
        { id: 'comment', type: 'open', required: false, config: {}, text: { en: 'Comment', nl: 'Opmerking' } },
      ],
    },
    registry,
  )
  await surveys.insert(workspace, definition)
  return id
}

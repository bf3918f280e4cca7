import { describe, expect, it } from 'vitest'
import { newDraft, toDefinition } from './draft-survey.js'
import { type QuestionTypeSummary, surveyInputSchema, surveyPatchSchema } from '../schema.js'

const label = { en: 'A type' }
const types: QuestionTypeSummary[] = [
  { id: 'open', label, scoreGroups: [], builder: {} },
  { id: 'stars', label, scoreGroups: [], builder: { defaultConfig: { max: 5 } } },
  { id: 'score', label, scoreGroups: [], builder: { startsNewSurveys: true, defaultConfig: { scale: 10 } } },
  { id: 'later', label, scoreGroups: [], builder: { startsNewSurveys: true } },
]

describe('newDraft', () => {
  it('opens with the first type that starts new surveys, with its default config, then "why?"', () => {
    const draft = newDraft(types)
    expect(draft.questions.map((q) => [q.id, q.type, q.config])).toEqual([
      ['q1', 'score', { scale: 10 }],
      ['q2', 'open', {}],
    ])
    expect(draft.questions[1]!.text.en).toBe('What is the main reason for your score?')
  })

  it('opens with an open question when no type starts new surveys', () => {
    expect(newDraft(types.slice(0, 2)).questions.map((q) => q.type)).toEqual(['open'])
  })

  it("gives each draft its own config, so editing one leaves the type's default alone", () => {
    newDraft(types).questions[0]!.config.scale = 5
    expect(newDraft(types).questions[0]!.config).toEqual({ scale: 10 })
  })
})

describe('toDefinition', () => {
  it('sends a new draft as the API takes it', () => {
    const draft = { ...newDraft(types), name: 'Check-in', locales: ['en' as const] }
    draft.questions[0]!.text.en = 'Recommend us?'
    const definition = toDefinition(draft)
    expect(surveyInputSchema.safeParse(definition).success).toBe(true)
    // Only the chosen languages' texts go along.
    expect(definition.questions[1]!.text).toEqual({ en: 'What is the main reason for your score?' })
  })

  it('leaves behind what the server keeps when a listed survey is edited', () => {
    const listed = {
      ...newDraft(types),
      id: 'relationship-nps',
      name: 'Relationship NPS',
      stageId: 'advocacy',
      publicToken: 'abc',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-02T00:00:00.000Z',
      questions: [{ id: 'q1', type: 'nps', required: true, config: {}, text: { en: 'Recommend?', nl: 'Aanbevelen?' } }],
    }
    const { id: _id, ...change } = toDefinition(listed)
    const parsed = surveyPatchSchema.safeParse(change)
    expect(parsed.error?.issues).toBeUndefined()
    expect(change).toMatchObject({ stageId: 'advocacy', verifiedCustomers: false })
    expect(change).not.toHaveProperty('publicToken')
  })
})

import { describe, expect, it } from 'vitest'
import { newDraft, toDefinition } from './draft-survey.js'
import { surveyInputSchema, surveyPatchSchema } from '../schema.js'

describe('toDefinition', () => {
  it('sends a new draft as the API takes it', () => {
    const draft = { ...newDraft(), name: 'Check-in', locales: ['en' as const] }
    draft.questions[0]!.text.en = 'Recommend us?'
    const definition = toDefinition(draft)
    expect(surveyInputSchema.safeParse(definition).success).toBe(true)
    // Only the chosen languages' texts go along.
    expect(definition.questions[1]!.text).toEqual({ en: 'What is the main reason for your score?' })
  })

  it('leaves behind what the server keeps when a listed survey is edited', () => {
    const listed = {
      ...newDraft(),
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

import { describe, expect, it } from 'vitest'
import { toDefinition } from './draft-survey.js'
import { reasonLines, withReasonLines } from './reason-options.js'

const reasons = {
  multiple: false,
  options: [
    { id: 'price', label: { en: 'Price', nl: 'Prijs' } },
    { id: 'staff', label: { en: 'Friendly staff', nl: 'Vriendelijk personeel' } },
    { id: 'speed', label: { en: 'Speed', nl: 'Snelheid' } },
  ],
}

describe('the reasons editor', () => {
  it('shows one language per textarea', () => {
    expect(reasonLines(reasons, 'nl')).toBe('Prijs\nVriendelijk personeel\nSnelheid')
  })

  it('keeps the Dutch labels and the ids when the English lines are edited, and saves them intact', () => {
    const edited = withReasonLines(reasons, 'en', 'Price\nKind staff\nSpeed\nDelivery time')
    expect(edited).toEqual({
      multiple: false,
      options: [
        { id: 'price', label: { en: 'Price', nl: 'Prijs' } },
        { id: 'staff', label: { en: 'Kind staff', nl: 'Vriendelijk personeel' } },
        { id: 'speed', label: { en: 'Speed', nl: 'Snelheid' } },
        { id: 'delivery-time', label: { en: 'Delivery time' } },
      ],
    })
    const definition = toDefinition({
      name: 'Check-in',
      kind: 'relational',
      status: 'active',
      touchpointId: null,
      locales: ['en', 'nl'],
      contactRuleDays: 0,
      verifiedCustomers: false,
      questions: [{ id: 'why', type: 'reasons', required: false, text: { en: 'Why?', nl: 'Waarom?' }, config: edited }],
    })
    expect(definition.questions[0]!.config).toEqual(edited)
  })

  it('follows moved lines by their label', () => {
    const moved = withReasonLines(reasons, 'en', 'Speed\nPrice\nFriendly staff')
    expect(moved.options).toEqual([reasons.options[2], reasons.options[0], reasons.options[1]])
  })

  it('drops an option whose line is removed and translates a new one in the other textarea', () => {
    const shorter = withReasonLines(reasons, 'en', 'Price\nSpeed')
    expect(shorter.options).toEqual([reasons.options[0], reasons.options[2]])
    const added = withReasonLines(
      withReasonLines(shorter, 'en', 'Price\nSpeed\nD'),
      'en',
      'Price\nSpeed\nDelivery time',
    )
    const translated = withReasonLines(added, 'nl', 'Prijs\nSnelheid\nLevertijd')
    expect((translated.options as unknown[])[2]).toEqual({
      id: 'delivery-time',
      label: { en: 'Delivery time', nl: 'Levertijd' },
    })
  })
})

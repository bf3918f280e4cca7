import { describe, expect, it } from 'vitest'
import { countReasons, countWords } from './count-themes.js'

describe('countWords', () => {
  it('counts each word once per answer and drops English and Dutch stop words', () => {
    const words = countWords([
      'The delivery was late, late, late!',
      'Levering was te laat en de bezorger was onvriendelijk',
      'Delivery fine',
    ])
    expect(words[0]).toEqual({ id: 'delivery', count: 2 })
    const ids = words.map((w) => w.id)
    expect(ids).toContain('laat')
    expect(ids).toContain('onvriendelijk')
    expect(ids).not.toContain('the')
    expect(ids).not.toContain('was')
    expect(ids).not.toContain('de')
    expect(words.find((w) => w.id === 'late')?.count).toBe(1)
  })

  it('keeps accented words whole', () => {
    expect(countWords(['Prijs-kwaliteit was geweldig, café ook']).map((w) => w.id)).toEqual([
      'café',
      'geweldig',
      'prijs-kwaliteit',
    ])
  })
})

describe('countReasons', () => {
  it('counts how many answers picked each reason, most picked first', () => {
    expect(countReasons([['price', 'speed'], ['price'], ['staff', 'staff']])).toEqual([
      { id: 'price', count: 2 },
      { id: 'speed', count: 1 },
      { id: 'staff', count: 1 },
    ])
  })
})

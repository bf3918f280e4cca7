import { describe, expect, it } from 'vitest'
import { pollUntilDone } from './poll-until-done.js'

describe('pollUntilDone', () => {
  it('reads until done, reporting each state, and resolves with the last', async () => {
    const states = ['queued', 'running', 'done']
    const seen: string[] = []
    const done = await pollUntilDone(
      async () => states.shift()!,
      (state) => state === 'done',
      (state) => seen.push(state),
      { everyMs: 5 },
    )
    expect(done).toBe('done')
    expect(seen).toEqual(['queued', 'running', 'done'])
  })

  it('throws away a state that arrives after the page was left', async () => {
    const leaving = new AbortController()
    const seen: string[] = []
    const polling = pollUntilDone(
      async () => {
        leaving.abort(new Error('left'))
        return 'done'
      },
      () => true,
      (state) => seen.push(state),
      { everyMs: 5, signal: leaving.signal },
    )
    await expect(polling).rejects.toThrow('left')
    expect(seen).toEqual([])
  })
})

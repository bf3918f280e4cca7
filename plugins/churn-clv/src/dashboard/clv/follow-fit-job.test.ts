import { describe, expect, it } from 'vitest'
import type { ClvFitJob } from '../../schema.js'
import { followFitJob } from './follow-fit-job.js'

const job = (status: ClvFitJob['status']) => ({ id: 'job-1', status }) as ClvFitJob
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('followFitJob', () => {
  it('reports each state and resolves with the finished job', async () => {
    const states = [job('queued'), job('running'), job('failed')]
    const seen: string[] = []
    const done = await followFitJob(
      async () => states.shift()!,
      (state) => seen.push(state.status),
      undefined,
      10,
    )
    expect(done.status).toBe('failed')
    expect(seen).toEqual(['queued', 'running', 'failed'])
  })

  it('asks once a poll period while the job runs, and stops asking as soon as the page is left', async () => {
    let asked = 0
    const leaving = new AbortController()
    const following = followFitJob(
      async () => {
        asked += 1
        return job('running')
      },
      () => {},
      leaving.signal,
      100,
    )
    // Asked at 0, 100 and 200 ms: three times by 250 ms (two on a loaded machine), not in a tight loop.
    await sleep(250)
    leaving.abort()
    await expect(following).rejects.toBeDefined()
    const askedBeforeLeaving = asked
    expect(askedBeforeLeaving).toBeGreaterThanOrEqual(2)
    expect(askedBeforeLeaving).toBeLessThanOrEqual(3)
    await sleep(400)
    expect(asked).toBe(askedBeforeLeaving)
  })
})

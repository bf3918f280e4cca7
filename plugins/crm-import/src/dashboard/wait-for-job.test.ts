import { describe, expect, it } from 'vitest'
import type { ImportApi, ImportJobState } from './import-api.js'
import { waitForJob } from './wait-for-job.js'

function runningJobApi() {
  const calls = { count: 0 }
  const api = {
    job: async () => {
      calls.count += 1
      return { status: 'running' } as ImportJobState
    },
  } as unknown as ImportApi
  return { api, calls }
}

describe('waitForJob', () => {
  it('stops asking as soon as the page is left', async () => {
    const { api, calls } = runningJobApi()
    const leaving = new AbortController()
    const waiting = waitForJob(api, 'acme', 'job-1', () => {}, leaving.signal)
    await new Promise((resolve) => setTimeout(resolve, 50))
    leaving.abort()
    await expect(waiting).rejects.toBeDefined()
    const askedBeforeLeaving = calls.count
    await new Promise((resolve) => setTimeout(resolve, 900))
    expect(askedBeforeLeaving).toBe(1)
    expect(calls.count).toBe(1)
  })

  it('returns the finished state and reports each one on the way', async () => {
    const states: ImportJobState[] = [{ status: 'running' }, { status: 'done' }] as ImportJobState[]
    const api = { job: async () => states.shift() } as unknown as ImportApi
    const seen: string[] = []
    const done = await waitForJob(api, 'acme', 'job-1', (state) => seen.push(state.status))
    expect(done.status).toBe('done')
    expect(seen).toEqual(['running', 'done'])
  })
})

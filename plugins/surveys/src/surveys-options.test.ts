import { CxValidationError } from '@cxkit/core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { surveysPlugin } from './index.js'

describe('surveysPlugin options', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
  })

  it('fill in the webhook defaults, refusing private targets', () => {
    vi.stubEnv('CXKIT_WEBHOOKS_ALLOW_PRIVATE', '')
    expect(surveysPlugin().options.webhooks).toEqual({
      allowPrivateTargets: false,
      timeoutMs: 10_000,
      concurrency: 16,
      perWebhook: 2,
    })
  })

  it('let CXKIT_WEBHOOKS_ALLOW_PRIVATE=1 allow private targets, unless the config says otherwise', () => {
    vi.stubEnv('CXKIT_WEBHOOKS_ALLOW_PRIVATE', '1')
    expect(surveysPlugin().options.webhooks.allowPrivateTargets).toBe(true)
    expect(surveysPlugin({ webhooks: { allowPrivateTargets: false } }).options.webhooks.allowPrivateTargets).toBe(false)
  })

  it('refuse an unknown webhook option, naming it', () => {
    // @ts-expect-error 'retries' is no webhook option
    const build = () => surveysPlugin({ webhooks: { retries: 3 } })
    expect(build).toThrow(CxValidationError)
    try {
      build()
    } catch (error) {
      expect((error as CxValidationError).fields[0]?.field).toMatch(/^config\.webhooks/)
    }
  })
})

import { testDialects } from '@cxkit/testing'
import { afterEach, describe, expect, it } from 'vitest'
import { startWebhookReceiver } from '../test-support/webhook-receiver.js'
import { createWebhookTestApp } from '../test-support/webhook-test-app.js'
import { deliverDueWebhooks } from './deliver-webhooks.js'
import { publicOnlyLookup } from './post-webhook.js'
import { isNonPublicAddress, namesNonPublicTarget } from './webhook-target.js'

const nonPublicUrls = [
  'http://169.254.169.254/latest/meta-data/',
  'http://localhost:8080/hook',
  'http://app.localhost/hook',
  'http://127.0.0.1/hook',
  'http://127.1/hook',
  'http://2130706433/hook', // 127.0.0.1 as one decimal number
  'http://0177.0.0.1/hook', // octal
  'http://0x7f.0.0.1/hook', // hexadecimal
  'http://0.0.0.0/hook',
  'http://0/hook',
  'http://10.0.0.5/hook',
  'http://172.20.1.1/hook',
  'http://192.168.1.1/hook',
  'http://100.64.0.1/hook',
  'http://[::1]/hook',
  'http://[::]/hook',
  'http://[::ffff:127.0.0.1]/hook',
  'http://[::ffff:a9fe:a9fe]/hook', // 169.254.169.254, IPv4-mapped
  'http://[fe80::1]/hook',
  'http://[fd00::1]/hook',
]

describe('webhook targets', () => {
  it.each(nonPublicUrls)('%s names a target that is not public', (url) => {
    expect(namesNonPublicTarget(url)).toBe(true)
  })

  it.each(['https://hooks.example.com/cx', 'http://93.184.215.14/hook', 'http://[2606:4700:4700::1111]/hook'])(
    '%s may be public',
    (url) => {
      expect(namesNonPublicTarget(url)).toBe(false)
    },
  )

  it('counts anything but an IP address as not public', () => {
    expect(isNonPublicAddress('example.com')).toBe(true)
    expect(isNonPublicAddress('8.8.8.8')).toBe(false)
  })

  it('refuses a host name when it resolves to a loopback address, as the socket connects', async () => {
    const error = await new Promise<Error | null>((resolve) => publicOnlyLookup('localhost', {}, resolve))
    expect(error?.message).toMatch(/not public/)
  })
})

for (const dialect of testDialects()) {
  describe(`webhook targets on ${dialect.name}`, () => {
    const cleanups: (() => Promise<void>)[] = []
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
    })
    const setUp = async (allowPrivateTargets: boolean) => {
      const app = await createWebhookTestApp(dialect, { allowPrivateTargets })
      cleanups.push(() => app.test.close())
      return app
    }

    it('refuses private, loopback and link-local URLs at registration, naming the field', async () => {
      const { test } = await setUp(false)
      for (const url of nonPublicUrls) {
        const response = await test.request(`/api/surveys/webhooks?workspace=${test.workspace}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ url }),
        })
        expect(response.status, url).toBe(400)
        expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/)
        expect((await response.json()).errors[0].field).toBe('body.url')
      }
      expect(await test.json(`/api/surveys/webhooks?workspace=${test.workspace}`)).toEqual([])
    })

    it('accepts them where the install allows private targets', async () => {
      const app = await setUp(true)
      expect((await app.addHook('http://169.254.169.254/latest/meta-data/')).id).toBeTruthy()
    })

    it('does not contact a private target at send time unless allowed', async () => {
      // A webhook registered while private targets were allowed, or before they were refused.
      const app = await setUp(true)
      const receiver = await startWebhookReceiver()
      cleanups.push(() => receiver.close())
      const hook = await app.addHook(receiver.url)
      await app.submit(1)

      expect(await deliverDueWebhooks(app.ctx, { timeoutMs: 5000 })).toEqual({ delivered: 0, failed: 0 })

      expect(receiver.received).toHaveLength(0)
      expect((await app.deliveries(hook.id))[0]).toMatchObject({
        status: 'pending',
        lastError: 'delivery failed: target address not allowed',
      })
    })
  })
}

import { testDialects } from '@cxkit/testing'
import { afterEach, describe, expect, it } from 'vitest'
import { startWebhookReceiver } from '../test-support/webhook-receiver.js'
import { createWebhookTestApp } from '../test-support/webhook-test-app.js'
import { startWebhookDelivery } from './start-webhook-delivery.js'
import { webhookOptionsSchema } from './webhook-options.js'

// The receivers listen on 127.0.0.1, a private address.
const options = webhookOptionsSchema.parse({ allowPrivateTargets: true, timeoutMs: 5000 })

for (const dialect of testDialects()) {
  describe(`the webhook delivery loop on ${dialect.name}`, () => {
    const cleanups: (() => Promise<void>)[] = []
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
    })

    it('sends a new delivery to one webhook while another webhook is still answering an older one', async () => {
      const app = await createWebhookTestApp(dialect, options)
      cleanups.push(() => app.test.close())
      let fastReceived!: () => void
      const fastHasReceived = new Promise<void>((resolve) => (fastReceived = resolve))
      const slow = await startWebhookReceiver(async (_, response) => {
        await fastHasReceived
        response.writeHead(200).end()
      })
      cleanups.push(() => slow.close())
      const fast = await startWebhookReceiver((_, response) => {
        fastReceived()
        response.writeHead(200).end()
      })
      cleanups.push(() => fast.close())
      const slowHook = await app.addHook(slow.url)
      await app.submit(1)

      const work = startWebhookDelivery(app.ctx, options, 20)
      cleanups.push(() => work.stop())
      await expect.poll(() => slow.received.length, { timeout: 10_000 }).toBe(1)
      // Only now does the fast webhook exist: its delivery comes in a later pass than the slow one's.
      const fastHook = await app.addHook(fast.url)
      await app.submit(1)
      await expect.poll(() => fast.received.length, { timeout: 10_000 }).toBe(1)
      await work.stop()

      // Newest first: the slow webhook's first delivery, answered once the fast one had its own.
      expect((await app.deliveries(slowHook.id)).at(-1)).toMatchObject({ status: 'delivered', attempts: 1 })
      expect((await app.deliveries(fastHook.id))[0]).toMatchObject({ status: 'delivered', attempts: 1 })
    })
  })
}

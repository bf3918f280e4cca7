import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { testDialects } from '@cxkit/testing'
import { afterEach, describe, expect, it } from 'vitest'
import { startWebhookReceiver, type WebhookReceiver } from '../test-support/webhook-receiver.js'
import { createWebhookTestApp } from '../test-support/webhook-test-app.js'
import { deliverDueWebhooks } from './deliver-webhooks.js'
import { verifyWebhook } from './sign-webhook.js'

// Every receiver here listens on 127.0.0.1, a private address.
const allowed = { allowPrivateTargets: true }

for (const dialect of testDialects()) {
  describe(`webhook delivery on ${dialect.name}`, () => {
    const cleanups: (() => Promise<void>)[] = []
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
    })
    const setUp = async () => {
      const app = await createWebhookTestApp(dialect, allowed)
      cleanups.push(() => app.test.close())
      return app
    }
    const receiver = async (answer?: Parameters<typeof startWebhookReceiver>[0]) => {
      const started = await startWebhookReceiver(answer)
      cleanups.push(() => started.close())
      return started
    }

    it('sends to another webhook while a slow receiver is still answering', async () => {
      const app = await setUp()
      let fastReceived!: () => void
      const fastHasReceived = new Promise<void>((resolve) => (fastReceived = resolve))
      // The slow receiver answers only once the fast one has its delivery: sending one at a time,
      // the slow one's requests time out before the fast one is tried.
      const slow = await receiver(async (_, response) => {
        await fastHasReceived
        response.writeHead(200).end()
      })
      const fast: WebhookReceiver = await receiver((_, response) => {
        fastReceived()
        response.writeHead(200).end()
      })
      const slowHook = await app.addHook(slow.url)
      await app.submit(1)
      const fastHook = await app.addHook(fast.url)
      await app.submit(1)

      const result = await deliverDueWebhooks(app.ctx, { ...allowed, timeoutMs: 5000 })

      expect(result).toEqual({ delivered: 3, failed: 0 })
      expect((await app.deliveries(slowHook.id)).map((d) => d.status)).toEqual(['delivered', 'delivered'])
      expect((await app.deliveries(fastHook.id)).map((d) => d.status)).toEqual(['delivered'])
    })

    it('signs each request as it leaves, so the signature is fresh on arrival', async () => {
      const app = await setUp()
      const target = await receiver()
      const hook = await app.addHook(target.url)
      await app.submit(1)
      // The pass runs with a clock of its own (due-ness, retry times): ten minutes ahead of the receiver's.
      await deliverDueWebhooks(app.ctx, { ...allowed, now: new Date(Date.now() + 10 * 60_000) })

      const [arrived] = target.received
      expect(
        verifyWebhook(
          hook.secret,
          String(arrived!.headers['x-cxkit-signature']),
          arrived!.body,
          300,
          arrived!.arrivedAt,
        ),
      ).toBe(true)
    })

    it('reports failures without what the target said or how its port behaved', async () => {
      const app = await setUp()
      const talkative = await receiver((_, response) => {
        response.writeHead(500, { 'content-type': 'text/plain' }).end('SSH-2.0-OpenSSH_9.6 internal banner')
      })
      const silent = await receiver(() => {
        // Never answers: a filtered port looks like this.
      })
      const hangingUp = await receiver((_, response) => {
        response.socket?.destroy()
      })
      const closedPort = await new Promise<number>((resolve) => {
        const server = createServer().listen(0, '127.0.0.1', () => {
          const { port } = server.address() as AddressInfo
          server.close(() => resolve(port))
        })
      })
      const hooks = {
        talkative: await app.addHook(talkative.url),
        silent: await app.addHook(silent.url),
        hangingUp: await app.addHook(hangingUp.url),
        closed: await app.addHook(`http://127.0.0.1:${closedPort}/hook`),
      }
      await app.submit(1)

      // Long enough for a loaded machine to get the 500 back; the silent receiver uses all of it.
      await deliverDueWebhooks(app.ctx, { ...allowed, timeoutMs: 5000 })

      const lastError = async (id: string) => (await app.deliveries(id))[0]!.lastError
      expect(await lastError(hooks.talkative.id)).toBe('delivery failed: HTTP 500')
      expect(await lastError(hooks.silent.id)).toBe('delivery failed: no answer')
      expect(await lastError(hooks.hangingUp.id)).toBe('delivery failed: no answer')
      expect(await lastError(hooks.closed.id)).toBe('delivery failed: no answer')
    })

    it('does not follow a redirect, which could point anywhere', async () => {
      const app = await setUp()
      const elsewhere = await receiver()
      const redirecting = await receiver((_, response) => {
        response.writeHead(307, { location: elsewhere.url }).end()
      })
      const hook = await app.addHook(redirecting.url)
      await app.submit(1)

      await deliverDueWebhooks(app.ctx, allowed)

      expect(elsewhere.received).toHaveLength(0)
      expect((await app.deliveries(hook.id))[0]).toMatchObject({
        status: 'pending',
        lastError: 'delivery failed: HTTP 307',
      })
    })
  })
}

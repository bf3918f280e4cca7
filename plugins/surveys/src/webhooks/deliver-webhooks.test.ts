import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { testDialects } from '@cxkit/testing'
import { afterEach, describe, expect, it } from 'vitest'
import { startWebhookReceiver } from '../test-support/webhook-receiver.js'
import { createWebhookTestApp } from '../test-support/webhook-test-app.js'
import { deliverDueWebhooks } from './deliver-webhooks.js'

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

      await deliverDueWebhooks(app.ctx, { ...allowed, timeoutMs: 1000 })

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

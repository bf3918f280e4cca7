import { createHost } from '@cxkit/core'
import { type CxDatabase, createWorkspace, migrate } from '@cxkit/db'
import { testDialects } from '@cxkit/db/testing'
import { createServer, type RunningServer, startServer } from '@cxkit/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import config from '../cxkit.config.js'
import { streamRequest } from './stream-request.js'

const MiB = 1024 * 1024
/** Far below the 200 MB sent: what the server read before it refused, plus the sockets' buffers. */
const readAtMost = 32 * MiB

for (const dialect of testDialects()) {
  describe(`request body limits on a real socket (${dialect.name})`, () => {
    let database: CxDatabase
    let server: RunningServer
    let token: string
    const storedResponses = async () =>
      Number(
        (
          await database.db
            .withTables<{ surveys_responses: { id: number } }>()
            .selectFrom('surveys_responses')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )

    beforeAll(async () => {
      database = await dialect.open()
      const host = createHost(config.plugins)
      await migrate(database, host)
      await createWorkspace(database, { id: 'acme', name: 'Acme', locale: 'en' })
      const app = createServer({ plugins: host, db: database })
      const created = await app.request('/api/surveys/surveys?workspace=acme', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          id: 'feedback',
          name: 'Feedback',
          kind: 'in-the-moment',
          status: 'active',
          locales: ['en', 'nl'],
          questions: [{ id: 'why', type: 'open', required: false, text: { en: 'Why?', nl: 'Waarom?' } }],
        }),
      })
      token = ((await created.json()) as { publicToken: string }).publicToken
      server = await startServer(app, { port: 0 })
    })
    afterAll(async () => {
      await server?.close()
      await database?.close()
    })

    it("refuses a 200 MB chunked form POST to the public page early, with a page in the visitor's language", async () => {
      const answer = await streamRequest(`${server.url}/s/${token}`, {
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'nl' },
        prefix: 'q.why=',
        totalBytes: 200 * MiB,
      })
      expect(answer.status).toBe(413)
      expect(answer.contentType).toContain('text/html')
      expect(answer.body).toContain('<html lang="nl">')
      expect(answer.body).toContain('Uw antwoord is te lang om te versturen')
      expect(answer.bytesSentBeforeAnswer).toBeLessThan(readAtMost)
      expect(await storedResponses()).toBe(0)
    })

    it('refuses a 10 MB nonce with 413 before reading it, and stores nothing', async () => {
      const answer = await streamRequest(`${server.url}/s/${token}?lang=en`, {
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        prefix: 'q.why=hello&nonce=',
        totalBytes: 10 * MiB,
        declareLength: true,
      })
      expect(answer.status).toBe(413)
      expect(answer.body).toContain('Your answer is too long to send')
      expect(answer.bytesSentBeforeAnswer).toBeLessThan(readAtMost)
      expect(await storedResponses()).toBe(0)
    })

    it('refuses a 200 MB multipart upload with 415, on the public page and on the API', async () => {
      const multipart = {
        headers: { 'content-type': 'multipart/form-data; boundary=x', 'accept-language': 'en' },
        prefix: '--x\r\ncontent-disposition: form-data; name="file"; filename="big.bin"\r\n\r\n',
        totalBytes: 200 * MiB,
        declareLength: true,
      }
      const page = await streamRequest(`${server.url}/s/${token}`, multipart)
      expect(page.status).toBe(415)
      expect(page.contentType).toContain('text/html')
      expect(page.body).toContain('Please answer on the survey page itself')
      expect(page.bytesSentBeforeAnswer).toBeLessThan(readAtMost)
      const api = await streamRequest(`${server.url}/api/surveys/responses`, multipart)
      expect(api.status).toBe(415)
      expect(api.contentType).toContain('application/problem+json')
      expect(JSON.parse(api.body)).toMatchObject({ status: 415, errors: [{ field: 'header.content-type' }] })
      expect(await storedResponses()).toBe(0)
    })

    it("limits the widget's public API to a small body and other JSON routes to 1 MiB, as problems", async () => {
      const widget = await streamRequest(`${server.url}/api/surveys/public/${token}/responses`, {
        headers: { 'content-type': 'application/json' },
        prefix: '{"idempotencyKey":"widget-key-1","answers":[{"questionId":"why","value":"',
        totalBytes: 1 * MiB,
      })
      expect(widget.status).toBe(413)
      expect(widget.contentType).toContain('application/problem+json')
      expect(JSON.parse(widget.body)).toMatchObject({
        status: 413,
        code: 'CXKIT_BODY_TOO_LARGE',
        errors: [{ field: 'body' }],
      })
      const settings = await streamRequest(`${server.url}/api/metrics/nps/settings?workspace=acme`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        prefix: '{"promoterMin":"',
        totalBytes: 2 * MiB,
      })
      expect(settings.status).toBe(413)
      expect(JSON.parse(settings.body)).toMatchObject({ status: 413, errors: [{ field: 'body' }] })
      expect(await storedResponses()).toBe(0)
    })

    it('still takes a batch of responses of several MiB', async () => {
      const responses = Array.from({ length: 2000 }, (_, i) => ({
        surveyId: 'feedback',
        idempotencyKey: `batch-${i}`,
        answers: [{ questionId: 'why', value: 'x'.repeat(1500) }],
      }))
      const body = JSON.stringify({ workspace: 'acme', responses })
      expect(body.length).toBeGreaterThan(3 * MiB)
      const answer = await fetch(`${server.url}/api/surveys/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      })
      expect(answer.status).toBe(201)
      expect(await storedResponses()).toBe(2000)
    })
  })
}

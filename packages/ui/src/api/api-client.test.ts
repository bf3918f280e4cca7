/// <reference types="node" />
// The package is typed for the browser; this test runs a real HTTP server in Node.
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiError, createApiClient } from './api-client.js'

interface Received {
  method: string
  url: string
  contentType: string | undefined
  accept: string | undefined
  body: string
}

async function readBody(request: IncomingMessage): Promise<string> {
  let body = ''
  for await (const chunk of request) body += chunk
  return body
}

describe('the API client over real HTTP', () => {
  const received: Received[] = []
  let server: Server
  let baseUrl = ''

  beforeAll(async () => {
    // A tiny server: echoes what it got, answers 204 to DELETE, and a problem document on /api/broken.
    server = createServer(async (request, response) => {
      const body = await readBody(request)
      const entry = {
        method: request.method ?? '',
        url: request.url ?? '',
        contentType: request.headers['content-type'],
        accept: request.headers.accept,
        body,
      }
      received.push(entry)
      if (request.url?.startsWith('/api/broken')) {
        response.writeHead(400, { 'content-type': 'application/problem+json' })
        response.end(
          JSON.stringify({
            title: 'Invalid input',
            detail: 'body.name: required',
            code: 'CXKIT_VALIDATION',
            errors: [{ field: 'body.name', message: 'required' }],
          }),
        )
      } else if (request.url?.startsWith('/api/plain-error')) {
        response.writeHead(502, { 'content-type': 'text/plain' })
        response.end('bad gateway')
      } else if (request.method === 'DELETE') {
        response.writeHead(204)
        response.end()
      } else {
        response.writeHead(request.method === 'POST' ? 201 : 200, { 'content-type': 'application/json' })
        response.end(JSON.stringify({ echoed: entry }))
      }
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  type Echo = { echoed: Received }

  it('sends POST, PUT and PATCH bodies as JSON and reads the JSON answer', async () => {
    const api = createApiClient(baseUrl)
    for (const [verb, send] of [
      ['POST', api.post],
      ['PUT', api.put],
      ['PATCH', api.patch],
    ] as const) {
      const answer = await send<Echo>('/api/surveys/surveys?workspace=demo', { name: 'Délivery', n: 3 })
      expect(answer.echoed).toEqual({
        method: verb,
        url: '/api/surveys/surveys?workspace=demo',
        contentType: 'application/json',
        accept: 'application/json',
        body: '{"name":"Délivery","n":3}',
      })
    }
  })

  it('sends no body and no content type when there is nothing to send', async () => {
    const answer = await createApiClient(baseUrl).post<Echo>('/api/surveys/surveys/x/link-secret/rotate')
    expect(answer.echoed).toMatchObject({ method: 'POST', body: '' })
    expect(answer.echoed.contentType).toBeUndefined()
  })

  it('resolves a 204 to undefined', async () => {
    await expect(createApiClient(baseUrl).delete('/api/surveys/webhooks/w1?workspace=demo')).resolves.toBeUndefined()
    expect(received.at(-1)).toMatchObject({ method: 'DELETE', url: '/api/surveys/webhooks/w1?workspace=demo' })
  })

  it('turns a problem document into an ApiError carrying it, whatever the verb', async () => {
    const api = createApiClient(baseUrl)
    for (const call of [
      () => api.get('/api/broken'),
      () => api.post('/api/broken', {}),
      () => api.put('/api/broken', {}),
      () => api.patch('/api/broken', {}),
      () => api.delete('/api/broken'),
    ]) {
      const error = await call().catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(ApiError)
      expect(error).toMatchObject({
        status: 400,
        message: 'body.name: required',
        problem: { code: 'CXKIT_VALIDATION', errors: [{ field: 'body.name', message: 'required' }] },
      })
    }
  })

  it('names the status when the answer is no problem document', async () => {
    const error = await createApiClient(baseUrl)
      .put('/api/plain-error', { a: 1 })
      .catch((caught: unknown) => caught)
    expect(error).toMatchObject({ status: 502, problem: null, message: 'the server answered 502' })
  })
})

import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A request a receiver got, with its own clock's time of arrival. */
export interface ReceivedWebhook {
  headers: IncomingHttpHeaders
  body: string
  arrivedAt: number
}

export interface WebhookReceiver {
  url: string
  received: ReceivedWebhook[]
  /** The status later requests are answered with (200 at first). */
  answerWith(code: number): void
  close(): Promise<void>
}

/**
 * A real HTTP receiver on 127.0.0.1. `answer` may take over a request (hold it, redirect it, say
 * something of its own); by default it answers with the status set by `answerWith`.
 */
export function startWebhookReceiver(
  answer?: (received: ReceivedWebhook, response: ServerResponse<IncomingMessage>) => void | Promise<void>,
): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = []
  let status = 200
  const server = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => (body += chunk))
    request.on('end', () => {
      const arrived = { headers: request.headers, body, arrivedAt: Date.now() }
      received.push(arrived)
      if (answer) void answer(arrived, response)
      else response.writeHead(status).end()
    })
  })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
        received,
        answerWith: (code) => {
          status = code
        },
        close: () =>
          new Promise((done) => {
            server.closeAllConnections()
            server.close(() => done())
          }),
      }),
    ),
  )
}

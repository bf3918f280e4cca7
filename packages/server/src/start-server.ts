import { type ServerType, serve } from '@hono/node-server'
import type { CxServerApp } from './create-server.js'

export interface RunningServer {
  readonly url: string
  readonly port: number
  close(): Promise<void>
}

/**
 * Listens on a port (0 picks a free one) and resolves once the socket is open.
 *
 * @example
 * const server = await startServer(app, { port: 8787 })
 * console.log(server.url)
 */
export function startServer(app: CxServerApp, options: { port: number; hostname?: string }): Promise<RunningServer> {
  const hostname = options.hostname ?? '127.0.0.1'
  return new Promise((resolve, reject) => {
    let server: ServerType | undefined
    server = serve({ fetch: app.fetch, port: options.port, hostname }, (info) => {
      const shownHost = hostname === '0.0.0.0' || hostname === '::' ? 'localhost' : hostname
      resolve({
        url: `http://${shownHost}:${info.port}`,
        port: info.port,
        close: () => new Promise((done, fail) => server!.close((error) => (error ? fail(error) : done()))),
      })
    })
    server.once('error', reject)
  })
}

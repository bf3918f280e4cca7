import { request as httpRequest } from 'node:http'

export interface StreamedAnswer {
  status: number
  contentType: string
  body: string
  /** Body bytes the client had written when the server's answer arrived. */
  bytesSentBeforeAnswer: number
}

export interface StreamedBody {
  method?: string
  headers?: Record<string, string>
  /** Written first, then `filler` until `totalBytes` are sent or the server answers. */
  prefix: string
  totalBytes: number
  /** Declare the length up front; otherwise the body is sent chunked, without Content-Length. */
  declareLength?: boolean
  filler?: string
}

/**
 * Sends a large body over a real socket in 64 KiB writes, waiting for the socket to drain between them,
 * and stops writing as soon as the server answers: what it reports shows how much the server took in
 * before it refused.
 */
export function streamRequest(url: string, body: StreamedBody): Promise<StreamedAnswer> {
  const chunk = Buffer.alloc(64 * 1024, body.filler ?? 'a')
  const headers = { ...body.headers, ...(body.declareLength ? { 'content-length': String(body.totalBytes) } : {}) }
  return new Promise((resolve, reject) => {
    let sent = 0
    let answered = false
    let wake: (() => void) | undefined
    // A connection of its own: the server closes one whose body it refused, and a pooled one would be reused.
    const request = httpRequest(url, { method: body.method ?? 'POST', headers, agent: false }, (response) => {
      answered = true
      const bytesSentBeforeAnswer = sent
      wake?.()
      let text = ''
      response.setEncoding('utf8')
      response.on('data', (part: string) => {
        text += part
      })
      response.on('end', () => {
        request.destroy()
        resolve({
          status: response.statusCode ?? 0,
          contentType: String(response.headers['content-type'] ?? ''),
          body: text,
          bytesSentBeforeAnswer,
        })
      })
    })
    // Once the server has answered it may close the connection under a write: that is not a failure.
    request.on('error', (error) => {
      if (!answered) reject(error)
    })
    const pump = async () => {
      const prefix = Buffer.from(body.prefix)
      request.write(prefix)
      sent += prefix.length
      while (!answered && sent < body.totalBytes) {
        const piece = chunk.subarray(0, Math.min(chunk.length, body.totalBytes - sent))
        sent += piece.length
        if (!request.write(piece)) {
          await new Promise<void>((done) => {
            wake = done
            request.once('drain', done)
          })
        }
      }
      if (!answered) request.end()
    }
    pump().catch(reject)
  })
}

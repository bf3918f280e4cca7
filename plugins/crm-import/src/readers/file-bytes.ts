import { createReadStream } from 'node:fs'

/**
 * A file's bytes as a stream of chunks, telling `onBytes` how far reading has come after each one.
 *
 * @example
 * for await (const chunk of fileBytes('contacts.csv', (n) => bar.update(n))) …
 */
export async function* fileBytes(file: string, onBytes?: (bytesRead: number) => void): AsyncGenerator<Buffer> {
  const stream = createReadStream(file, { highWaterMark: 64 * 1024 })
  let bytesRead = 0
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytesRead += chunk.length
      yield chunk
      onBytes?.(bytesRead)
    }
  } finally {
    stream.destroy()
  }
}

import { createWriteStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { CxError, CxValidationError, hasUnsafeCharacters, unsafeTextMessage } from '@cxkit/core'
import busboy from 'busboy'

/** The one file part of a multipart body, as written to disk. */
export interface ReceivedFile {
  /** The file's name as the client sent it, without any folder. */
  readonly fileName: string
  readonly size: number
}

/** The 413 an upload over the limit gets; the server's own refusal for a declared length says the same. */
export function uploadTooLarge(maxBytes: number): CxError {
  return new CxError('CXKIT_BODY_TOO_LARGE', `the upload is larger than this server accepts (${maxBytes} bytes)`, {
    status: 413,
    details: { fields: [{ field: 'body.file', code: 'too_big', message: `at most ${maxBytes} bytes` }] },
  })
}

const noFile = () =>
  new CxValidationError([{ field: 'body.file', code: 'invalid_type', message: 'send one file part named file' }])

/**
 * Streams the first file part of a `multipart/form-data` body to `target` as it arrives: memory stays
 * flat however large the file. Past `maxBytes` the partial file is removed and a 413 thrown; a body
 * without a file part, that is not multipart, or whose file name holds a NUL or an unpaired surrogate,
 * is a 400 naming `body.file`.
 *
 * @example
 * const { fileName, size } = await receiveFilePart(c.req.raw, '/data/uploads/abc.data', bodyLimits.upload)
 */
export async function receiveFilePart(request: Request, target: string, maxBytes: number): Promise<ReceivedFile> {
  const contentType = request.headers.get('content-type') ?? ''
  if (!/^multipart\/form-data/i.test(contentType) || !request.body) throw noFile()
  let parser: busboy.Busboy
  try {
    parser = busboy({ headers: { 'content-type': contentType }, limits: { files: 1, fileSize: maxBytes, fields: 20 } })
  } catch {
    throw noFile()
  }
  let received: Promise<ReceivedFile> | undefined
  let tooLarge = false
  parser.on('file', (name, file, info) => {
    if (received || name !== 'file') {
      file.resume()
      return
    }
    let size = 0
    file.on('data', (chunk: Buffer) => {
      size += chunk.length
    })
    file.on('limit', () => {
      // Stop reading the body at once rather than draining the rest of a huge upload.
      tooLarge = true
      // Not from inside busboy's own callback: it still touches the file stream after emitting.
      setImmediate(() => parser.destroy(uploadTooLarge(maxBytes)))
    })
    const fileName = (info.filename ?? 'upload').split(/[\\/]/).pop() || 'upload'
    received = pipeline(file, createWriteStream(target)).then(() => ({ fileName, size }))
    // Awaited below; a failure the body's pipeline reports first must not surface as unhandled.
    received.catch(() => {})
  })
  try {
    // The body goes through the parser chunk by chunk; it is never held whole.
    await pipeline(Readable.fromWeb(request.body as import('node:stream/web').ReadableStream), parser)
    const file = await received
    if (tooLarge) throw uploadTooLarge(maxBytes)
    if (!file) throw noFile()
    // The name is recorded with the import: PostgreSQL would refuse a NUL in it where SQLite stores it.
    if (hasUnsafeCharacters(file.fileName)) {
      throw new CxValidationError([
        { field: 'body.file', code: 'invalid_string', message: `its name ${unsafeTextMessage}` },
      ])
    }
    return file
  } catch (error) {
    await rm(target, { force: true })
    if (error instanceof CxError) throw error
    if (tooLarge) throw uploadTooLarge(maxBytes)
    throw new CxValidationError([
      { field: 'body.file', code: 'invalid_body', message: `the multipart body could not be read: ${String(error)}` },
    ])
  }
}

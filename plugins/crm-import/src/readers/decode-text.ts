import iconv from 'iconv-lite'
import type { SourceEncoding } from './opened-source.js'
import { sourceError } from './source-error.js'

/**
 * Turns a file's bytes into text chunk by chunk; a character split between two chunks comes out
 * whole. A UTF-8 byte-order mark is dropped. Invalid UTF-8 stops with the line it is on: the file is
 * then in another encoding, which `--encoding windows-1252` reads.
 *
 * @example
 * for await (const text of decodeText(createReadStream(file), 'windows-1252')) parser.write(text)
 */
export async function* decodeText(chunks: AsyncIterable<Buffer>, encoding: SourceEncoding): AsyncGenerator<string> {
  // Node's own TextDecoder reads windows-1252 as Latin-1 (0x80 is not €), so that one goes through iconv-lite.
  const decoder = encoding === 'utf-8' ? utf8Decoder() : iconv.getDecoder('windows-1252')
  let lines = 1
  for await (const chunk of chunks) {
    let text: string
    try {
      text = decoder.write(chunk)
    } catch {
      throw sourceError(
        lines + linesBeforeInvalid(chunk),
        'is not valid UTF-8; read it as windows-1252 (the encoding it was saved in)',
      )
    }
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines += 1
    if (text.length > 0) yield text
  }
  const rest = decoder.end()
  if (rest) yield rest
}

/** Line breaks before the first invalid byte of a chunk, to name the line it is on. */
function linesBeforeInvalid(chunk: Buffer): number {
  const text = new TextDecoder('utf-8').decode(chunk)
  const invalid = text.indexOf('\uFFFD')
  return text.slice(0, invalid === -1 ? 0 : invalid).split('\n').length - 1
}

function utf8Decoder(): { write(chunk: Buffer): string; end(): string | undefined } {
  const decoder = new TextDecoder('utf-8', { fatal: true })
  return {
    write: (chunk) => decoder.decode(chunk, { stream: true }),
    end: () => {
      try {
        return decoder.decode()
      } catch {
        return '\uFFFD'
      }
    },
  }
}

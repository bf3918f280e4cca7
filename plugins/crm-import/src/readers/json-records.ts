import { isCxError } from '@cxkit/core'
import { Tokenizer, TokenParser, TokenType } from '@streamparser/json'
import type { ParsedTokenInfo } from '@streamparser/json'
import { fileBytes } from './file-bytes.js'
import { flattenObject, isJsonObject } from './flatten-object.js'
import type { ObjectRecord } from './object-record.js'
import { readLimits } from './read-limits.js'
import { sourceError } from './source-error.js'

const newline = 0x0a

/**
 * The objects of a file holding one JSON array, streamed: only the object being read is in memory.
 * The tokenizer tells the byte offset of each `{`, which gives the line the object starts on.
 *
 * @example
 * for await (const { line, cells } of jsonRecords('contacts.json')) …
 */
export async function* jsonRecords(file: string, onBytes?: (bytesRead: number) => void): AsyncGenerator<ObjectRecord> {
  const tokenizer = new Tokenizer()
  const parser = new TokenParser({ paths: ['$.*'], keepStack: false })
  const lines = createLineCounter()
  const ready: ObjectRecord[] = []
  const startLines: number[] = []
  let depth = 0
  let rootSeen = false
  let elementOffset = -1

  tokenizer.onToken = (info: ParsedTokenInfo) => {
    const { token, offset } = info
    if (!rootSeen && token !== TokenType.LEFT_BRACKET) {
      throw sourceError(lines.at(offset), 'is not the start of a JSON array; the file must hold one array of objects')
    }
    rootSeen = true
    if (depth === 1 && token !== TokenType.COMMA && token !== TokenType.RIGHT_BRACKET) {
      if (token !== TokenType.LEFT_BRACE)
        throw sourceError(lines.at(offset), 'holds an array element that is not an object')
      startLines.push(lines.at(offset))
      elementOffset = offset
    }
    if (token === TokenType.LEFT_BRACE || token === TokenType.LEFT_BRACKET) depth += 1
    if (token === TokenType.RIGHT_BRACE || token === TokenType.RIGHT_BRACKET) depth -= 1
    if (depth === 1) elementOffset = -1
    parser.write(info)
  }
  parser.onValue = ({ value }) => {
    const line = startLines.shift() ?? lines.current()
    if (isJsonObject(value)) ready.push({ line, cells: flattenObject(value) })
  }

  let fed = 0
  let first = true
  for await (let chunk of fileBytes(file, onBytes)) {
    if (first && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3)
    first = false
    lines.enter(chunk, fed)
    write(() => tokenizer.write(chunk), lines)
    fed += chunk.length
    lines.at(fed)
    yield* ready.splice(0)
    if (elementOffset >= 0 && fed - elementOffset > readLimits.maxRecordChars) {
      throw sourceError(startLines[0], `holds an object longer than ${readLimits.maxRecordChars} bytes`)
    }
  }
  if (depth !== 0 || !rootSeen) throw sourceError(lines.current(), 'ends before the JSON array is closed')
  write(() => tokenizer.end(), lines)
  yield* ready.splice(0)
}

function write(step: () => void, lines: LineCounter): void {
  try {
    step()
  } catch (error) {
    if (isCxError(error)) throw error
    throw sourceError(lines.current(), `is not valid JSON (${error instanceof Error ? error.message : String(error)})`)
  }
}

interface LineCounter {
  /** The next chunk, starting at this byte offset of the stream. */
  enter(chunk: Uint8Array, start: number): void
  /** The line of a byte offset in the current chunk, at or after the last one asked for. */
  at(offset: number): number
  current(): number
}

/** Counts line breaks up to each offset asked for; offsets only grow, so each byte is looked at once. */
function createLineCounter(): LineCounter {
  let chunk: Uint8Array = new Uint8Array()
  let chunkStart = 0
  let scanned = 0
  let line = 1
  return {
    enter(next, start) {
      chunk = next
      chunkStart = start
      scanned = Math.max(scanned, start)
    },
    at(offset) {
      const end = Math.min(offset, chunkStart + chunk.length)
      for (let i = scanned; i < end; i += 1) if (chunk[i - chunkStart] === newline) line += 1
      scanned = Math.max(scanned, end)
      return line
    },
    current: () => line,
  }
}

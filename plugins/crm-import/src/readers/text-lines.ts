import { readLimits } from './read-limits.js'
import { sourceError } from './source-error.js'

/** One line of text and its number as a text editor shows it. */
export interface TextLine {
  readonly line: number
  readonly text: string
}

/**
 * Splits streamed text into lines (LF or CRLF), blank ones included so numbers stay true. A line past
 * {@link readLimits.maxRecordChars} stops with its number instead of buffering without end.
 *
 * @example
 * for await (const { line, text } of textLines(decodeText(stream, 'utf-8'))) console.log(line, text)
 */
export async function* textLines(texts: AsyncIterable<string>): AsyncGenerator<TextLine> {
  let pending = ''
  let line = 1
  for await (const text of texts) {
    pending += text
    let start = 0
    for (let end = pending.indexOf('\n'); end !== -1; end = pending.indexOf('\n', start)) {
      if (end - start > readLimits.maxRecordChars) throw tooLong(line)
      yield { line, text: withoutCarriageReturn(pending.slice(start, end)) }
      line += 1
      start = end + 1
    }
    pending = pending.slice(start)
    if (pending.length > readLimits.maxRecordChars) throw tooLong(line)
  }
  if (pending.length > 0) yield { line, text: withoutCarriageReturn(pending) }
}

function tooLong(line: number): Error {
  return sourceError(line, `is longer than ${readLimits.maxRecordChars} characters`)
}

function withoutCarriageReturn(text: string): string {
  return text.endsWith('\r') ? text.slice(0, -1) : text
}

import type { SourceEncoding } from './opened-source.js'

/**
 * UTF-8 when the file starts with its byte-order mark or its first bytes are valid UTF-8, else
 * Windows-1252 (what Excel on Windows writes a CSV in). Plain ASCII is valid UTF-8. `whole`: the head
 * is the whole file, so a character cut off at its end is no longer a character split by the cut.
 *
 * @example
 * detectEncoding(Buffer.from([0x43, 0x61, 0x66, 0xe9]), true) // 'windows-1252'
 */
export function detectEncoding(head: Uint8Array, whole: boolean): SourceEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8'
  try {
    // `stream: true` lets a head cut from a longer file end inside a multi-byte character.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: !whole })
    return 'utf-8'
  } catch {
    return 'windows-1252'
  }
}

const comma = 0x2c
const zero = 0x30
const nine = 0x39

/**
 * The times packed by `countFunnelPart` (`"3600000,86400000,…"`, non-negative whole ms), from any
 * number of texts, as one array. Read digit by digit: a million values in milliseconds, where
 * splitting and converting each would take a tenth of a second or more.
 *
 * @example
 * unpackGaps(['3600000,0', null, '86400000']) // Float64Array [3600000, 0, 86400000]
 */
export function unpackGaps(texts: readonly (string | null)[]): Float64Array {
  let size = 0
  for (const text of texts) {
    if (!text) continue
    size++
    for (let at = 0; at < text.length; at++) if (text.charCodeAt(at) === comma) size++
  }
  const gaps = new Float64Array(size)
  let next = 0
  for (const text of texts) {
    if (!text) continue
    let value = 0
    for (let at = 0; at < text.length; at++) {
      const code = text.charCodeAt(at)
      if (code === comma) {
        gaps[next++] = value
        value = 0
      } else if (code >= zero && code <= nine) {
        value = value * 10 + (code - zero)
      } else {
        throw new Error(`a packed time holds '${text[at]}' at ${at}: only digits and commas are expected`)
      }
    }
    gaps[next++] = value
  }
  return gaps
}

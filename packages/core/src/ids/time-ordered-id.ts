/** The id's first 15 characters (time and version) for the last millisecond asked: an import asks thousands of times in one. */
let lastTime = -1
let lastPrefix = ''

/**
 * A UUID version 7 (RFC 9562): the millisecond timestamp first, randomness after. Rows keyed by it
 * append to a B-tree index instead of landing all over it, which keeps bulk inserts fast. The
 * randomness comes from `crypto.randomUUID()`, whose pooled generator is far cheaper per id than
 * filling a fresh buffer each time.
 *
 * @example
 * timeOrderedId() // '019ab3c2-7f10-7a3e-9c1d-4b2e8f0a6d51'
 */
export function timeOrderedId(now: number = Date.now()): string {
  if (now !== lastTime) {
    const time = now.toString(16).padStart(12, '0')
    lastPrefix = `${time.slice(0, 8)}-${time.slice(8, 12)}-7`
    lastTime = now
  }
  const random = globalThis.crypto.randomUUID() // xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx, V = variant bits
  return lastPrefix + random.slice(15)
}

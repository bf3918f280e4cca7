import { sha256 } from '@noble/hashes/sha2.js'

// SHA-256 from a pure-JS library rather than node:crypto: core runs in browsers too and does no I/O.
function base64Url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/**
 * The source id of an imported row that brings none: its content and how often that content came
 * before in this file. Importing the same export twice (or one that overlaps) then stores each record
 * once, while two identical rows in one file stay two records (a customer may open the app twice in
 * one second, or place two orders of one amount on one day). The prefix keeps these apart from ids a
 * source system gives. `content` lists every field that makes the record what it is, in a fixed
 * order: changing that order changes every id, and a file imported before would be stored again.
 *
 * @example
 * const seen = new Map<string, number>()
 * importRowSourceId(['C-1', '2026-03-01T10:00:00.000Z', 12.5, null], seen) // 'row:5f0c…:1'
 */
export function importRowSourceId(content: readonly unknown[], seen: Map<string, number>): string {
  const digest = base64Url(sha256(new TextEncoder().encode(JSON.stringify(content))))
  const occurrence = (seen.get(digest) ?? 0) + 1
  seen.set(digest, occurrence)
  return `row:${digest}:${occurrence}`
}

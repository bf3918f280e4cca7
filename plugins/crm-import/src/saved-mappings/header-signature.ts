import { createHash } from 'node:crypto'

/** A header name as two exports of the same system may spell it: case, spacing and order aside. */
export function normaliseHeader(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase()
}

/**
 * Names a set of columns whatever their order and case: the sha-256 (hex) of the sorted, normalised
 * header names. Next month's export of the same report gets the same signature, so its mapping is found.
 *
 * @example
 * headerSignature(['Email', 'Name']) === headerSignature([' name', 'EMAIL']) // true
 */
export function headerSignature(columns: readonly string[]): string {
  const names = [...new Set(columns.map(normaliseHeader))].sort()
  return createHash('sha256').update(JSON.stringify(names)).digest('hex')
}

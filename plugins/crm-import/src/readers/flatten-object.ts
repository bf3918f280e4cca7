import type { CellValue } from '@cxkit/core'

/**
 * A JSON object as cells: nested objects become dotted names (`{ address: { city } }` → `address.city`),
 * arrays become their JSON text, `null` stays missing.
 *
 * @example
 * flattenObject({ id: 7, address: { city: 'Utrecht' }, tags: ['vip'] })
 * // { id: 7, 'address.city': 'Utrecht', tags: '["vip"]' }
 */
export function flattenObject(object: Readonly<Record<string, unknown>>, prefix = ''): Record<string, CellValue> {
  const cells: Record<string, CellValue> = {}
  for (const [key, value] of Object.entries(object)) {
    const name = `${prefix}${key}`
    if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      cells[name] = value
    } else if (Array.isArray(value)) {
      cells[name] = JSON.stringify(value)
    } else if (typeof value === 'object') {
      Object.assign(cells, flattenObject(value as Record<string, unknown>, `${name}.`))
    }
  }
  return cells
}

/** True for a JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const truthy = new Set(['true', 'yes', 'y', 'ja', 'j', 'waar', '1'])
const falsy = new Set(['false', 'no', 'n', 'nee', 'onwaar', '0'])

/**
 * Reads yes/no in English or Dutch (`true`, `yes`, `ja`, `1` / `false`, `no`, `nee`, `0`), any case.
 *
 * @example
 * parseBoolean('Ja') // true
 */
export function parseBoolean(text: string): boolean | undefined {
  const value = text.trim().toLowerCase()
  if (truthy.has(value)) return true
  if (falsy.has(value)) return false
  return undefined
}

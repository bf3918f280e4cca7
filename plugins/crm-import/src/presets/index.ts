import { detectPresetIn, type PresetMatch } from './detect-preset.js'
import { hubspotPreset } from './hubspot-preset.js'
import type { ImportPreset } from './import-preset.js'
import { salesforcePreset } from './salesforce-preset.js'

export type { PresetMatch } from './detect-preset.js'
export { detectPresetIn, presetTarget } from './detect-preset.js'
export { hubspotPreset } from './hubspot-preset.js'
export type { ImportPreset, PresetTable } from './import-preset.js'
export { salesforcePreset } from './salesforce-preset.js'

/** Any spreadsheet: columns named after the entity's fields, or mapped with `--map`. */
export const genericPreset: ImportPreset = {
  id: 'generic',
  source: 'import',
  label: 'Spreadsheet',
  locale: 'en',
  dateOrder: 'ymd',
  tables: [],
}

export const importPresets: readonly ImportPreset[] = [salesforcePreset, hubspotPreset, genericPreset]

/**
 * The preset with this id, if any.
 *
 * @example
 * findPreset('hubspot')?.source // 'hubspot'
 */
export function findPreset(id: string): ImportPreset | undefined {
  return importPresets.find((preset) => preset.id === id)
}

/**
 * The system export a file's header identifies, by the columns that export always has.
 *
 * @example
 * detectPreset(['Id', 'AccountId', 'FirstName', 'LastName', 'Email']) // { preset: salesforcePreset, table: contacts }
 */
export function detectPreset(columns: readonly string[]): PresetMatch | undefined {
  return detectPresetIn(columns, importPresets)
}

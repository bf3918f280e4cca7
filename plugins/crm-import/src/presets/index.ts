import type { ImportPreset } from './import-preset.js'

export type { ImportPreset, PresetTable } from './import-preset.js'

/** Any spreadsheet: columns named after the entity's fields, or mapped with `--map`. */
export const genericPreset: ImportPreset = {
  id: 'generic',
  source: 'import',
  label: 'Spreadsheet',
  locale: 'en',
  dateOrder: 'ymd',
  tables: [],
}

export const importPresets: readonly ImportPreset[] = [genericPreset]

/** The preset with this id, if any. */
export function findPreset(id: string): ImportPreset | undefined {
  return importPresets.find((preset) => preset.id === id)
}

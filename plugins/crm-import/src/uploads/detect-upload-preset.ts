import { genericPreset, type ImportPreset, importPresets, type PresetTable } from '../presets/index.js'
import { normaliseHeader } from '../saved-mappings/header-signature.js'

/** The preset and table whose signature columns are all present, the most specific first; else generic. */
export function detectUploadPreset(columns: readonly string[]): { preset: ImportPreset; table?: PresetTable } {
  const present = new Set(columns.map(normaliseHeader))
  let best: { preset: ImportPreset; table: PresetTable } | undefined
  for (const preset of importPresets)
    for (const table of preset.tables)
      if (table.signature.every((name) => present.has(normaliseHeader(name))))
        if (!best || table.signature.length > best.table.signature.length) best = { preset, table }
  return best ?? { preset: genericPreset }
}

/** A preset table's mapping, for the columns this file has, under the file's own spelling. */
export function presetMapping(table: PresetTable | undefined, columns: readonly string[]): Record<string, string> {
  if (!table) return {}
  const byName = new Map(Object.entries(table.mapping).map(([name, target]) => [normaliseHeader(name), target]))
  const mapping: Record<string, string> = {}
  for (const column of columns) {
    const target = byName.get(normaliseHeader(column))
    if (target) mapping[column] = target
  }
  return mapping
}

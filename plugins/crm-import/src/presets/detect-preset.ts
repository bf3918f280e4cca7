import type { ImportPreset, PresetTable } from './import-preset.js'

/** A preset and the one of its exports a file is. */
export interface PresetMatch {
  readonly preset: ImportPreset
  readonly table: PresetTable
}

/** How presets compare header names: case and surrounding spaces do not count. */
export function presetColumnKey(name: string): string {
  return name.trim().toLowerCase()
}

/**
 * The export a file's header identifies: a table all of whose signature columns are present; when
 * several are, the one with the longest signature (a contacts report also holds `Account ID`).
 *
 * @example
 * detectPreset(['Record ID', 'Deal Name', 'Deal Stage', 'Amount'], importPresets)
 * // { preset: hubspotPreset, table: { id: 'deals', entity: 'transactions', … } }
 */
export function detectPresetIn(columns: readonly string[], presets: readonly ImportPreset[]): PresetMatch | undefined {
  const present = new Set(columns.map(presetColumnKey))
  let best: PresetMatch | undefined
  for (const preset of presets) {
    for (const table of preset.tables) {
      if (!table.signature.every((name) => present.has(presetColumnKey(name)))) continue
      if (!best || table.signature.length > best.table.signature.length) best = { preset, table }
    }
  }
  return best
}

/**
 * The entity field (or `attr.<key>`) a preset table maps a column to, if any.
 *
 * @example
 * presetTarget(table, ' email ') // 'email'
 */
export function presetTarget(table: PresetTable, column: string): string | undefined {
  const key = presetColumnKey(column)
  for (const [name, target] of Object.entries(table.mapping)) if (presetColumnKey(name) === key) return target
  return undefined
}

import type { ImportField } from '@cxkit/core'
import type { PresetMatch } from '../presets/detect-preset.js'
import { presetTarget } from '../presets/detect-preset.js'
import { fieldSynonyms } from './field-synonyms.js'
import { attributeKey, normaliseName } from './normalise-name.js'

/** Column → entity field or `attr.<key>`, `null` for a column left out. */
export type ColumnMapping = Record<string, string | null>

/**
 * A first mapping of a file's columns to an entity's fields, for the user to confirm or correct:
 * the preset's own mapping first, then a column named like a field (or a known synonym, in English
 * or Dutch) or an `attr.<key>` column to that attribute, then `attr.<column>` when the entity keeps attributes. No field is suggested twice.
 *
 * @example
 * suggestMapping(['Klantnummer', 'E-mailadres', 'Plaats'], customersEntity.fields, true)
 * // { Klantnummer: 'external_id', 'E-mailadres': 'email', Plaats: 'attr.plaats' }
 */
export function suggestMapping(
  columns: readonly string[],
  fields: readonly ImportField[],
  acceptsAttributes: boolean,
  preset?: PresetMatch,
): ColumnMapping {
  const fieldNames = new Set(fields.map((field) => field.name))
  const used = new Set<string>()
  const mapping: ColumnMapping = {}
  const take = (column: string, target: string | undefined): boolean => {
    if (target === undefined || used.has(target)) return false
    const usable = target.startsWith('attr.') ? acceptsAttributes && target.length > 5 : fieldNames.has(target)
    if (!usable) return false
    used.add(target)
    mapping[column] = target
    return true
  }

  // Preset first, over every column, so a name match further left cannot take a field the preset assigns.
  if (preset) for (const column of columns) take(column, presetTarget(preset.table, column))
  for (const column of columns) {
    if (column in mapping) continue
    // A column already named `attr.<key>` (a file this toolkit wrote) says where it goes.
    if (column.startsWith('attr.') && take(column, column)) continue
    if (fieldCandidates(column, fields).some((target) => take(column, target))) continue
    if (acceptsAttributes && take(column, `attr.${attributeKey(column)}`)) continue
    mapping[column] = null
  }
  return mapping
}

/** The fields a column's name may mean, best first. */
function fieldCandidates(column: string, fields: readonly ImportField[]): string[] {
  const name = normaliseName(column)
  const exact = fields.filter((field) => normaliseName(field.name) === name).map((field) => field.name)
  const synonyms = (fieldSynonyms[name] ?? []).flatMap((target) =>
    target === '@date'
      ? fields.filter((field) => field.type === 'date' || field.type === 'instant').map((field) => field.name)
      : [target],
  )
  return [...exact, ...synonyms]
}

import type { ImportableEntity } from './import-api.js'

/**
 * What the mapping still lacks: each required field no column goes to, and `a | b | c` when the entity
 * needs one of several fields (a customer's source id, external id or e-mail) and none is mapped.
 */
export function unmappedRequired(
  entity: ImportableEntity | undefined,
  mapping: Record<string, string | null>,
): string[] {
  const targets = new Set(Object.values(mapping))
  const missing = (entity?.fields ?? [])
    .filter((field) => field.required && !targets.has(field.name))
    .map((field) => field.name)
  const oneOf = entity?.requiresOneOf ?? []
  if (oneOf.length > 0 && !oneOf.some((field) => targets.has(field))) missing.push(oneOf.join(' | '))
  return missing
}

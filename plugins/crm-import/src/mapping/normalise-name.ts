/**
 * A column or field name reduced to what it says: no case, accents, spaces, `_`, `-` or `.`.
 *
 * @example
 * normaliseName('E-mail adres') // 'emailadres'
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s_\-.]+/g, '')
}

/**
 * A column name as an attribute key: lower case snake_case ASCII, at most 64 characters.
 *
 * @example
 * attributeKey('Lifecycle Stage') // 'lifecycle_stage'
 * attributeKey('Omzet (€)') // 'omzet'
 */
export function attributeKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 64)
}

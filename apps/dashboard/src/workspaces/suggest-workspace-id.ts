// core's maxIdLength; the browser bundle does not load core's schemas for one number.
const maxIdLength = 64

/**
 * An id for a workspace called `name`: lower-case letters, digits and dashes, accents dropped, as the
 * API accepts. The user may still edit it; it only saves typing.
 *
 * @example
 * suggestWorkspaceId('Café Zoë & Co') // 'cafe-zoe-co'
 */
export function suggestWorkspaceId(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxIdLength)
    .replace(/-+$/, '')
}

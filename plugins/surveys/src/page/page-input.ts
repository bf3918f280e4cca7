import { columnLimits, hasUnsafeCharacters, keyRoomAfter } from '@cxkit/core'
import { linkCustomerMax } from '../personal-links.js'

/** What the page reads from its link and its form before it looks anything up. */
export interface PageInput {
  token: string
  customer: string
  signature: string
  nonce?: string
}

/** A plain link's form stores its response under `page:<token>:<nonce>`: the nonce gets what the key leaves. */
const nonceMax = keyRoomAfter(`page:${'x'.repeat(columnLimits.id)}:`)

const limits: Record<keyof PageInput, number> = {
  token: columnLimits.id,
  customer: linkCustomerMax,
  signature: 100,
  nonce: nonceMax,
}

/**
 * The name of the first part of a page request that no stored survey, link or key can match (unsafe
 * characters, or longer than its column allows), or null. Checked before any look-up, so such input
 * gets the same 400 page on every dialect instead of a database error.
 */
export function badPageInput(input: PageInput): keyof PageInput | null {
  for (const name of Object.keys(limits) as (keyof PageInput)[]) {
    const value = input[name] ?? ''
    if (value.length > limits[name] || hasUnsafeCharacters(value)) return name
  }
  return null
}

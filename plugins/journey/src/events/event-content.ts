type AttributeValue = string | number | boolean | null

/**
 * Attributes as stored: JSON with its keys in code-point order, so the same facts are the same text
 * however a client ordered them, and a repeated event compares equal to the stored one.
 *
 * @example
 * canonicalAttributes({ page: '/b', device: 'mobile' }) // '{"device":"mobile","page":"/b"}'
 */
export function canonicalAttributes(attributes: Readonly<Record<string, AttributeValue>> | undefined): string {
  if (!attributes) return '{}'
  const keys = Object.keys(attributes).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  return JSON.stringify(Object.fromEntries(keys.map((key) => [key, attributes[key]])))
}

/** What makes two events with one source id the same event: everything the sender said about it. */
export interface EventContent {
  readonly customer: string
  readonly touchpoint: string
  readonly occurredAt: string
  readonly session: string | null
  /** {@link canonicalAttributes} text. */
  readonly attributes: string
}

/**
 * True when the two say the same: the second is a repeat of the first, not another event.
 *
 * @example
 * sameEventContent(stored, incoming) // false when only the session differs
 */
export function sameEventContent(a: EventContent, b: EventContent): boolean {
  return (
    a.customer === b.customer &&
    a.touchpoint === b.touchpoint &&
    a.occurredAt === b.occurredAt &&
    a.session === b.session &&
    a.attributes === b.attributes
  )
}

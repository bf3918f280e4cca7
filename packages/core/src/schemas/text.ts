import { z } from 'zod'

/** In a `u` regex a pair is one code point, so only a lone half is of category Cs (surrogate). */
const loneSurrogate = /\p{Cs}/u

/**
 * True when the text holds a NUL (U+0000) or a lone half of a surrogate pair. PostgreSQL refuses NUL in
 * text and in JSON, and a lone surrogate cannot be written as UTF-8 (it would be stored as U+FFFD), so
 * neither may enter on any dialect: SQLite and PostgreSQL must give the same answer.
 */
export function hasUnsafeCharacters(text: string): boolean {
  return text.includes('\u0000') || loneSurrogate.test(text)
}

/** The message for text refused by {@link hasUnsafeCharacters}. */
export const unsafeTextMessage = 'must not contain NUL characters or unpaired surrogates'

/**
 * A string without NUL and unpaired surrogates: the base of every text field that comes from outside.
 *
 * @example
 * z.object({ comment: safeTextSchema.max(1000) })
 */
export const safeTextSchema = z.string().refine((value) => !hasUnsafeCharacters(value), unsafeTextMessage)

/**
 * Safe text of `min`…`max` characters; take `max` from `columnLimits` when the value lands in a column.
 *
 * @example
 * textSchema(columnLimits.externalId, 1) // a customer id: 1 to 200 characters
 */
export function textSchema(max: number, min = 0) {
  const sized = min > 0 ? z.string().min(min).max(max) : z.string().max(max)
  return sized.refine((value) => !hasUnsafeCharacters(value), unsafeTextMessage)
}

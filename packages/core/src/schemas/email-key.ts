/**
 * An e-mail address as it is matched: trimmed, Unicode-normalised (NFC) and lower-cased with the
 * full Unicode case mapping, so `Émile@Example.com` and `émile@example.com` are one customer on
 * SQLite and PostgreSQL alike (SQL `lower()` folds only ASCII on SQLite).
 *
 * @example
 * emailKey('  ÉMILE@Example.COM ') // 'émile@example.com'
 */
export function emailKey(email: string): string {
  return email.trim().normalize('NFC').toLowerCase()
}

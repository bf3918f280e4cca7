/**
 * Reads a date or instant as spreadsheets write them: ISO (`2026-03-01`, `2026-03-01T10:00:00Z`),
 * ISO without a zone (taken as UTC), or Dutch/European day-first (`01-03-2026`, `1/3/2026 14:05`).
 * Returns an ISO instant, or null when the text is not a date.
 */
export function parseSpreadsheetInstant(text: string): string | null {
  const value = text.trim()
  const iso = value.match(
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/,
  )
  if (iso) {
    const [, y, m, d, hh = '00', mm = '00', ss = '00', zone] = iso
    return checked(`${y}-${m}-${d}T${hh}:${mm}:${ss}${zone ?? 'Z'}`, Number(y), Number(m), Number(d))
  }
  const dayFirst = value.match(/^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/)
  if (dayFirst) {
    const [, d, m, y, hh = '0', mm = '00', ss = '00'] = dayFirst
    const pad = (part: string) => part.padStart(2, '0')
    return checked(`${y}-${pad(m!)}-${pad(d!)}T${pad(hh)}:${mm}:${ss}Z`, Number(y), Number(m), Number(d))
  }
  return null
}

/** Rejects dates that Date would roll over (31 February becomes 3 March otherwise). */
function checked(iso: string, year: number, month: number, day: number): string | null {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return null
  const probe = new Date(Date.UTC(year, month - 1, day))
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null
  return date.toISOString()
}

/** Reads a number written with a decimal point or a Dutch decimal comma (`7,5`). */
export function parseSpreadsheetNumber(text: string): number | null {
  const value = text.trim().replace(/^(-?\d+),(\d+)$/, '$1.$2')
  if (!/^-?\d+(\.\d+)?$/.test(value)) return null
  return Number(value)
}

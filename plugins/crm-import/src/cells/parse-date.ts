import type { CellOptions } from './cell-options.js'

/** A date as read from a cell: the calendar day written, and the instant it stands for (UTC unless zoned). */
export interface ReadDate {
  /** `YYYY-MM-DD`, as written (before any zone shifts it). */
  readonly day: string
  readonly instant: Date
}

const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i
const written = /^(\d{1,4})([-/.])(\d{1,2})\2(\d{1,4})(?:(?:[T ]|, ?)(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]m)?)?$/i

const pad = (part: string | number) => String(part).padStart(2, '0')

/**
 * Reads a date or date-time as exports write it:
 * - ISO: `2026-03-01`, `2026-03-01T14:05`, `2026-03-01 14:05:09.5+01:00`; without a zone it is UTC;
 * - `yyyy/mm/dd`;
 * - with dashes or dots: day first, always (`01-03-2026`, `1.3.2026` are 1 March): nobody writes
 *   month first with those;
 * - with slashes: by `dateOrder` (`1/3/2026` is 1 March in `dmy`, 3 January in `mdy`); in `ymd` a
 *   slashed date is read only when a part above 12 says which is the day, else it is ambiguous.
 * A time may follow (`9:30`, `9:30:15`, `9:30 PM`). Returns a problem message when the text is not a date.
 *
 * @example
 * parseDate('1/3/2026 9:30', { locale: 'nl', dateOrder: 'dmy' }) // { day: '2026-03-01', instant: 2026-03-01T09:30Z }
 */
export function parseDate(text: string, options: Pick<CellOptions, 'dateOrder'>): ReadDate | string {
  const value = text.trim()
  const isoMatch = iso.exec(value)
  if (isoMatch) {
    const [, y, m, d, hh = '00', mm = '00', ss = '00', fraction = '', zone = 'Z'] = isoMatch
    const offset =
      zone.toUpperCase() === 'Z' ? 'Z' : zone.length === 3 ? `${zone}:00` : `${zone.slice(0, 3)}:${zone.slice(-2)}`
    return checked(
      value,
      +y!,
      +m!,
      +d!,
      `${y}-${m}-${d}T${hh}:${mm}:${ss}${fraction.slice(0, 4)}${offset}`,
      +hh,
      +mm,
      +ss,
    )
  }
  const match = written.exec(value)
  if (!match) return `'${value}' is not a date`
  const [, a, separator, b, c, hh = '0', mm = '00', ss = '00', meridiem] = match
  let year: string
  let month: number
  let day: number
  if (a!.length === 4) [year, month, day] = [a!, +b!, +c!]
  else if (c!.length === 4) {
    year = c!
    const order = separator === '/' ? slashOrder(+a!, +b!, options.dateOrder) : 'dmy'
    if (!order) return `'${value}' is ambiguous: pass the date order (dmy or mdy)`
    ;[day, month] = order === 'dmy' ? [+a!, +b!] : [+b!, +a!]
  } else return `'${value}' is not a date: write the year with four digits`
  let hour = +hh
  if (meridiem) {
    if (hour < 1 || hour > 12) return `'${value}' is not a time of day`
    hour = (hour % 12) + (meridiem.toLowerCase() === 'pm' ? 12 : 0)
  }
  return checked(
    value,
    +year,
    month,
    day,
    `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${mm}:${pad(ss)}Z`,
    hour,
    +mm,
    +ss,
  )
}

const compact = /^(\d{4})(\d{2})(\d{2})$/

/**
 * Reads a compact `YYYYMMDD` date, as data dumps write them (`19970101`): the only order that form is
 * written in, whatever the locale's date order. Returns a problem message when it is not a real day.
 *
 * @example
 * parseCompactDate('19970118') // { day: '1997-01-18', instant: 1997-01-18T00:00Z }
 */
export function parseCompactDate(text: string): ReadDate | string {
  const match = compact.exec(text.trim())
  if (!match) return `'${text}' is not a date`
  const [, y, m, d] = match
  return checked(text.trim(), +y!, +m!, +d!, `${y}-${m}-${d}T00:00:00Z`, 0, 0, 0)
}

function slashOrder(first: number, second: number, order: CellOptions['dateOrder']): 'dmy' | 'mdy' | undefined {
  if (order !== 'ymd') return order
  if (first > 12 && second <= 12) return 'dmy'
  if (second > 12 && first <= 12) return 'mdy'
  return first === second ? 'dmy' : undefined
}

/** Refuses what Date would roll over (31 February would become 3 March, 25:00 the next day). */
function checked(
  value: string,
  year: number,
  month: number,
  day: number,
  isoText: string,
  hour: number,
  minute: number,
  second: number,
): ReadDate | string {
  const probe = new Date(Date.UTC(year, month - 1, day))
  const instant = new Date(isoText)
  if (
    Number.isNaN(instant.getTime()) ||
    probe.getUTCFullYear() !== year ||
    probe.getUTCMonth() !== month - 1 ||
    probe.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return `'${value}' is not a date`
  }
  return { day: `${year}-${pad(month)}-${pad(day)}`, instant }
}

import { type Expression, type RawBuilder, sql } from 'kysely'

/**
 * The UTC calendar day of an ISO-8601 text instant as days since 1970-01-01, in integer arithmetic on the
 * text's digits (Hinnant's days-from-civil): the same SQL on SQLite and PostgreSQL, for the years 1970–2099
 * cxkit stores. Subtracting two gives whole calendar days between them.
 *
 * @example
 * sql`${dayNumber(sql.ref('s.ended_at'))} - ${dayNumber(sql.ref('s.started_at'))}`
 */
export function dayNumber(iso: Expression<string | null>): RawBuilder<number> {
  const year = sql`cast(substr(${iso}, 1, 4) as integer)`
  const month = sql`cast(substr(${iso}, 6, 2) as integer)`
  const day = sql`cast(substr(${iso}, 9, 2) as integer)`
  // The year counted from March, so that the leap day falls at its end.
  const y = sql`(${year} - case when ${month} <= 2 then 1 else 0 end)`
  const dayOfYear = sql`((153 * (case when ${month} <= 2 then ${month} + 9 else ${month} - 3 end) + 2) / 5 + ${day} - 1)`
  return sql<number>`(365 * ${y} + ${y} / 4 - ${y} / 100 + ${y} / 400 + ${dayOfYear} - 719468)`
}

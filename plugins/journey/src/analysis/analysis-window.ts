import { z } from 'zod'

const unitMs = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const

/** The longest window a funnel or path may span: a year and a day covers any yearly cycle. */
export const maxWindowMs = 366 * unitMs.d

/**
 * A time window as people write it: `30m`, `12h`, `14d` or `2w`, at most 366 days, parsed to
 * milliseconds.
 *
 * @example
 * windowSchema.parse('14d') // 1_209_600_000
 */
export const windowSchema = z
  .string()
  .max(12)
  .regex(/^[1-9][0-9]{0,5}[mhdw]$/, "must be a whole number and a unit: '30m', '12h', '14d' or '2w'")
  .transform((text) => Number(text.slice(0, -1)) * unitMs[text.slice(-1) as keyof typeof unitMs])
  .refine((ms) => ms <= maxWindowMs, 'must be at most 366 days (366d or 52w)')

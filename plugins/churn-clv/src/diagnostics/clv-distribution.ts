import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import type { ChurnClvModelTables } from '../tables.js'

/** One bin of the CLV histogram: customers with `from` ≤ CLV < `to` (the first bin from 0, the last to the max). */
export interface ClvBin {
  from: number
  to: number
  customers: number
}

/** A fit's CLV scores: n, mean, median, total and a log-spaced histogram. */
export interface ClvDistribution {
  customers: number
  mean: number | null
  median: number | null
  total: number | null
  min: number | null
  max: number | null
  bins: ClvBin[]
}

/** Bins reach this many decades below the largest CLV; everything smaller shares the first bin. */
const decades = 3

/**
 * Bin edges on the 1-2-5 series from the one at or below max/10³ (or the min, if larger) to the last below
 * the max: CLV is heavily skewed, so equal-width bins would put nearly everyone in the first. At most
 * 3 × 4 edges.
 *
 * @example
 * clvBinEdges(0, 950) // [0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500]
 */
export function clvBinEdges(min: number, max: number): number[] {
  if (!(max > 0)) return []
  const floor = Math.max(min, max / 10 ** decades)
  const values: number[] = []
  for (let exponent = Math.floor(Math.log10(floor)); ; exponent++)
    for (const mantissa of [1, 2, 5]) {
      // Rounded, so that drift such as 0.30000000000000004 never becomes an edge.
      const value = Number((mantissa * 10 ** exponent).toPrecision(12))
      if (value >= max)
        return values.slice(
          Math.max(
            0,
            values.findLastIndex((v) => v <= floor),
          ),
        )
      values.push(value)
    }
}

/**
 * The distribution of one fit's stored CLV scores, computed in SQL: one pass for the counts per bin and
 * two one-row reads for the median, so no score is read into memory. Only the scores written by `fitId`
 * count, so a later fit replacing them midway never mixes two fits (it gives fewer, or none).
 *
 * @example
 * const { customers, median, bins } = await clvDistribution(db, 'acme', fit.id)
 */
export async function clvDistribution(db: Kysely<any>, workspace: string, fitId: string): Promise<ClvDistribution> {
  const scores = (db as Kysely<ChurnClvModelTables>)
    .selectFrom('churn_clv_scores')
    .where('workspace_id', '=', workspace)
    .where('fit_id', '=', fitId)
  const stats = await scores
    .select([
      sql<number>`count(*)`.as('n'),
      sql<number | null>`avg(clv)`.as('mean'),
      sql<number | null>`sum(clv)`.as('total'),
      sql<number | null>`min(clv)`.as('min'),
      sql<number | null>`max(clv)`.as('max'),
    ])
    .executeTakeFirstOrThrow()
  const customers = Number(stats.n)
  if (customers === 0) return { customers: 0, mean: null, median: null, total: null, min: null, max: null, bins: [] }
  const min = Number(stats.min)
  const max = Number(stats.max)
  const edges = clvBinEdges(min, max)
  const below = edges.length
    ? await scores
        .select(
          edges.map((edge, i) => sql<number>`sum(case when clv < ${sql.lit(edge)} then 1 else 0 end)`.as(`b${i}`)),
        )
        .executeTakeFirstOrThrow()
    : {}
  const cumulative = [...edges.map((_, i) => Number((below as Record<string, unknown>)[`b${i}`] ?? 0)), customers]
  const bounds = [0, ...edges, max]
  const bins = cumulative
    .map((upTo, i) => ({ from: bounds[i]!, to: bounds[i + 1]!, customers: upTo - (i === 0 ? 0 : cumulative[i - 1]!) }))
    // Bins wholly below the smallest score are empty by construction.
    .filter((bin) => bin.to > min || bin.to === max)
  const middle = async (offset: number) =>
    Number((await scores.select('clv').orderBy('clv').limit(1).offset(offset).executeTakeFirstOrThrow()).clv)
  const lower = await middle(Math.floor((customers - 1) / 2))
  const median = customers % 2 === 1 ? lower : (lower + (await middle(customers / 2))) / 2
  return {
    customers,
    mean: Number(stats.mean),
    median,
    total: Number(stats.total),
    min,
    max,
    bins,
  }
}

import { readFileSync } from 'node:fs'
import type { RfmGroup, SpendSummary } from '../src/models/customer-summary.js'

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url)

/** The published CDNOW summary (weeks), grouped by identical (x, tx, T). */
export function readCdnowGroups(): RfmGroup[] {
  const counts = new Map<string, RfmGroup>()
  for (const line of readFileSync(fixture('cdnow_customers_summary_with_transactions.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)) {
    const [, x, tx, T] = line.split(',').map(Number)
    const key = `${x}|${tx}|${T}`
    const group = counts.get(key)
    if (group) group.n++
    else counts.set(key, { x: x!, tx: tx!, T: T!, n: 1 })
  }
  return [...counts.values()]
}

/** The published CDNOW repeat customers' mean spends. */
export function readCdnowSpends(): SpendSummary[] {
  return readFileSync(fixture('cdnow_customers_summary_with_transactions.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',').map(Number))
    .filter(([, x]) => x! > 0)
    .map(([, x, , , zbar]) => ({ x: x!, mean: zbar! }))
}

/** The raw CDNOW sample: customer (sample id), UTC day (YYYY-MM-DD) and dollar value per transaction. */
export function readCdnowTransactions(): { customer: string; day: string; amount: number }[] {
  return readFileSync(fixture('CDNOW_sample.txt'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const [, customer, date, , amount] = line.trim().split(/\s+/)
      return {
        customer: customer!,
        day: `${date!.slice(0, 4)}-${date!.slice(4, 6)}-${date!.slice(6, 8)}`,
        amount: Number(amount),
      }
    })
}

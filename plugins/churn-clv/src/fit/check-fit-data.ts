import { CxError } from '@cxkit/core'
import type { RfmGroup } from '../models/customer-summary.js'

/**
 * The fewest repeat customers a fit accepts. Four parameters are learnt mostly from who buys again and
 * when; below this the likelihood is so flat that the estimates (and the P(alive) built on them) are noise.
 */
export const minimumRepeatCustomers = 20

/** The fewest customers overall: the dropout process is learnt from the contrast of repeaters and the rest. */
export const minimumCustomers = 50

/**
 * Throws `CXKIT_CLV_INSUFFICIENT_DATA` (422) when summaries cannot support a purchase-model fit, and
 * names the counts so the reader knows how far off they are.
 *
 * @example
 * checkRfmData(groups) // returns { customers, repeatCustomers } or throws
 */
export function checkRfmData(groups: readonly RfmGroup[]): { customers: number; repeatCustomers: number } {
  let customers = 0
  let repeatCustomers = 0
  for (const g of groups) {
    if (!(g.x >= 0 && g.tx >= 0 && g.T >= g.tx && g.n > 0))
      throw new CxError(
        'CXKIT_CLV_INSUFFICIENT_DATA',
        `invalid summary (x ${g.x}, tx ${g.tx}, T ${g.T}): need 0 ≤ tx ≤ T`,
        { status: 422 },
      )
    customers += g.n
    if (g.x > 0) repeatCustomers += g.n
  }
  if (customers < minimumCustomers || repeatCustomers < minimumRepeatCustomers)
    throw new CxError(
      'CXKIT_CLV_INSUFFICIENT_DATA',
      `too little data to fit a purchase model: ${customers} customers of whom ${repeatCustomers} bought again; ` +
        `need at least ${minimumCustomers} customers and ${minimumRepeatCustomers} repeat customers`,
      { status: 422, details: { customers, repeatCustomers, minimumCustomers, minimumRepeatCustomers } },
    )
  return { customers, repeatCustomers }
}

import { CxError } from '@cxkit/core'
import type { Kysely } from 'kysely'
import type { ClvTimeUnit } from '../models/customer-summary.js'
import { daysPerUnit } from '../models/customer-summary.js'
import { summariseCustomers } from '../summaries/summarise-customers.js'
import type { ClvFit } from '../schema.js'
import { readClvSettings } from './clv-settings.js'
import { readLatestClvFit } from './read-clv-fit.js'
import { createScorer, scoredSpend } from './score-customer.js'
import { type ScoreIntervals, scoreIntervals } from './score-intervals.js'

/** One customer's prediction over a horizon, with what it rests on. */
export interface CustomerPrediction {
  customerId: string
  fitId: string
  model: ClvFit['model']
  unit: ClvTimeUnit
  until: string
  horizon: number
  history: { x: number; tx: number; T: number; monetary: number | null }
  expectedPurchases: number
  probabilityAlive: number
  expectedSpend: number
  clv: number
  /** 95 % intervals from the fit's parameter uncertainty (see `scoreIntervals`); null for a fit kept without covariances. */
  intervals: ScoreIntervals | null
  marginRate: number
  yearlyDiscountRate: number
}

/**
 * Predicts one customer's purchases, P(alive) and CLV over `horizon` (in `unit`, by default the fit's)
 * from the workspace's latest fit, with the workspace's current margin and discount rate.
 *
 * @example
 * await predictCustomer(db, 'acme', customerId, { horizon: 26 })
 */
export async function predictCustomer(
  db: Kysely<any>,
  workspace: string,
  customerId: string,
  options: { horizon: number; unit?: ClvTimeUnit },
): Promise<CustomerPrediction> {
  const fit = await readLatestClvFit(db, workspace)
  if (!fit)
    throw new CxError('CXKIT_NOT_FOUND', `workspace '${workspace}' has no CLV fit yet: run 'cxkit clv fit' first`, {
      status: 404,
    })
  const [history] = await summariseCustomers(db, { workspace, until: fit.until, unit: fit.unit }, { customerId })
  if (!history)
    throw new CxError(
      'CXKIT_NOT_FOUND',
      `the customer has no purchases up to ${fit.until}, the end of the fit's data`,
      {
        status: 404,
      },
    )
  // The fit's parameters are in its own unit: convert the horizon, never the parameters.
  const horizon = (options.horizon * daysPerUnit[options.unit ?? fit.unit]) / daysPerUnit[fit.unit]
  const settings = await readClvSettings(db, workspace)
  const scoredFit = { ...fit, horizon, settings }
  const spend = scoredSpend(history.monetary)
  const score = createScorer(scoredFit)(history, spend)
  return {
    customerId,
    fitId: fit.id,
    model: fit.model,
    unit: options.unit ?? fit.unit,
    until: fit.until,
    horizon: options.horizon,
    history: { x: history.x, tx: history.tx, T: history.T, monetary: history.monetary },
    ...score,
    intervals: scoreIntervals(scoredFit, history, spend),
    marginRate: settings.marginRate,
    yearlyDiscountRate: settings.yearlyDiscountRate,
  }
}

import type { CustomerPrediction } from '@cxkit/plugin-churn-clv'
import type { ClvFit, ClvFitJob } from '@cxkit/plugin-churn-clv/schema'

const names: Record<string, string> = { alpha: 'α', beta: 'β', gamma: 'γ' }

function estimates(fit: { parameters: Record<string, number>; standardErrors: Record<string, number> }): string {
  return Object.entries(fit.parameters)
    .map(
      ([name, value]) =>
        `${names[name] ?? name} = ${value.toPrecision(4)} (SE ${fit.standardErrors[name]!.toPrecision(2)})`,
    )
    .join(', ')
}

/** A fit for a person: the scope, each model's estimates with standard errors and log-likelihood. */
export function formatClvFit(fit: ClvFit): string {
  const model = fit.model === 'bgnbd' ? 'BG/NBD' : 'Pareto/NBD'
  const lines = [
    `${model} fit of '${fit.workspace}' on purchases up to ${fit.until}, in ${fit.unit}s`,
    `  customers ${fit.customers}, of whom ${fit.repeatCustomers} bought again`,
    `  ${estimates(fit.purchase)}`,
    `  log-likelihood ${fit.purchase.logLikelihood.toFixed(1)}`,
  ]
  if (fit.spend)
    lines.push(
      `Gamma-Gamma spend on ${fit.spend.customers} repeat customers: ${estimates(fit.spend)}`,
      `  log-likelihood ${fit.spend.logLikelihood.toFixed(1)}`,
    )
  lines.push(
    `scores stored for ${fit.customers} customers over ${fit.horizon} ${fit.unit}s (margin ${fit.settings.marginRate}, yearly discount ${fit.settings.yearlyDiscountRate})`,
  )
  return `${lines.join('\n')}\n`
}

/** One customer's prediction for a person. */
export function formatPrediction(p: CustomerPrediction): string {
  const within = (interval: { lower: number; upper: number } | null | undefined, digits: number) =>
    interval ? ` (95% interval ${interval.lower.toFixed(digits)} – ${interval.upper.toFixed(digits)})` : ''
  const lines = [
    `customer '${p.customerId}' over the next ${p.horizon} ${p.unit}s after ${p.until}:`,
    `  expected purchases ${p.expectedPurchases.toFixed(3)}${within(p.intervals?.expectedPurchases, 3)}`,
    `  P(alive) ${p.probabilityAlive.toFixed(3)}${within(p.intervals?.probabilityAlive, 3)}`,
    `  expected spend per purchase ${p.expectedSpend.toFixed(2)}`,
    `  CLV ${p.clv.toFixed(2)}${within(p.intervals?.clv, 2)} (margin ${p.marginRate}, yearly discount ${p.yearlyDiscountRate})`,
  ]
  if (!p.intervals) lines.push('  (no intervals: the fit was stored before they were kept; fit again for them)')
  return `${lines.join('\n')}\n`
}

/** Fit jobs for a person, newest first: when, who, the options, and the outcome. */
export function formatFitJobs(jobs: readonly ClvFitJob[]): string {
  if (jobs.length === 0) return 'no fit jobs yet\n'
  const lines = jobs.map((job) => {
    const { model, unit, until, horizon } = job.options
    const outcome =
      job.status === 'succeeded'
        ? `succeeded, fit ${job.fitId}`
        : job.status === 'failed'
          ? `failed: ${job.problem?.detail ?? 'no reason recorded'}`
          : job.status
    return `${job.requestedAt}  ${job.trigger.padEnd(8)}  ${model} in ${unit}s up to ${until}, ${horizon} ahead  ${outcome}`
  })
  return `${lines.join('\n')}\n`
}

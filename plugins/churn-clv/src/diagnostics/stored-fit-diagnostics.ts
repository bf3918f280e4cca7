import { type Kysely, sql } from 'kysely'
import { z } from 'zod'
import { purchaseModels } from '../clv/purchase-models.js'
import type { RfmGroup } from '../models/customer-summary.js'
import type { ClvFit } from '../schema.js'
import type { ChurnClvModelTables } from '../tables.js'
import { type ClvDistribution, clvDistribution } from './clv-distribution.js'
import { repeatTracking } from './cumulative-repeats.js'
import { clvDistributionSchema, repeatHistogramSchema, repeatTrackingSchema } from './diagnostics-schemas.js'
import { repeatHistogram, repeatHistogramFromGroups } from './repeat-histogram.js'

const storedDiagnosticsSchema = z.object({ histogram: repeatHistogramSchema, tracking: repeatTrackingSchema })
const storedDistributionSchema = clvDistributionSchema.omit({ fitId: true, currency: true, horizon: true, unit: true })

/** A fit's histogram and repeat tracking, as the CLV page draws them. */
export type FitDiagnostics = z.infer<typeof storedDiagnosticsSchema>

/**
 * The histogram and tracking of a fit. The histogram needs the calibration summaries the fit was made
 * from: pass `groups` when they are in hand, else they are summarised again (the slow part, a full pass
 * over the transactions). Tracking runs to the last purchase stored now, so its holdout line covers the
 * purchases up to when this runs.
 */
async function computeDiagnostics(db: Kysely<any>, fit: ClvFit, groups?: readonly RfmGroup[]) {
  const model = purchaseModels[fit.model]
  const params = fit.purchase.parameters
  const scope = { workspace: fit.workspace, until: fit.until, unit: fit.unit }
  const probability = model.probabilityOfPurchases
  const histogram = groups
    ? await repeatHistogramFromGroups(groups, probability ? (t, n) => probability(params, t, n) : null)
    : await repeatHistogram(db, scope, model, params)
  const tracking = await repeatTracking(db, scope, (t) => model.expectedPurchasesSinceFirst(params, t))
  return { histogram, tracking }
}

/**
 * Stores one part of a fit's figures, unless the fit is gone: pruned (see `pruneFitHistory`) while a request
 * computed them. Then the request still answers with what it computed, and nothing is stored for a fit
 * that no longer exists (the foreign key would refuse it).
 */
async function writePart(db: Kysely<any>, fitId: string, part: 'diagnostics' | 'distribution', value: unknown) {
  const json = JSON.stringify(value)
  const updatedAt = new Date().toISOString()
  await sql`insert into churn_clv_fit_diagnostics (fit_id, diagnostics, distribution, updated_at)
    select ${fitId}, ${part === 'diagnostics' ? json : null}, ${part === 'distribution' ? json : null}, ${updatedAt}
    where exists (select 1 from churn_clv_fits f where f.id = ${fitId})
    on conflict (fit_id) do update set ${sql.ref(part)} = excluded.${sql.ref(part)}, updated_at = excluded.updated_at`.execute(
    db,
  )
}

async function readPart(db: Kysely<any>, fitId: string, part: 'diagnostics' | 'distribution') {
  const row = await (db as Kysely<ChurnClvModelTables>)
    .selectFrom('churn_clv_fit_diagnostics')
    .where('fit_id', '=', fitId)
    .select(part)
    .executeTakeFirst()
  const json = row?.[part]
  return json == null ? null : (JSON.parse(json) as unknown)
}

/**
 * Computes and stores what the CLV page shows for a fit that has just been stored with its scores:
 * the histogram (from the fit's own `groups`), the repeat tracking and the CLV distribution. Run once
 * per fit, so the page's requests only read.
 *
 * @example
 * await storeFitDiagnostics(db, fit, groups)
 */
export async function storeFitDiagnostics(db: Kysely<any>, fit: ClvFit, groups: readonly RfmGroup[]): Promise<void> {
  await writePart(db, fit.id, 'diagnostics', await computeDiagnostics(db, fit, groups))
  await writePart(db, fit.id, 'distribution', await clvDistribution(db, fit.workspace, fit.id))
}

/**
 * A fit's stored histogram and tracking. A fit stored before they were kept with it has them computed
 * and stored here, once: that first request pays the full summary pass.
 *
 * @example
 * const { histogram, tracking } = await readFitDiagnostics(db, fit)
 */
export async function readFitDiagnostics(db: Kysely<any>, fit: ClvFit): Promise<FitDiagnostics> {
  const stored = await readPart(db, fit.id, 'diagnostics')
  if (stored) return storedDiagnosticsSchema.parse(stored)
  const computed = await computeDiagnostics(db, fit)
  await writePart(db, fit.id, 'diagnostics', computed)
  return computed
}

/**
 * The CLV distribution of the fit that scored the customers (the workspace's latest), stored with it;
 * computed and stored on the first request for a fit from before it was kept.
 *
 * @example
 * const { customers, median } = await readFitDistribution(db, fit)
 */
export async function readFitDistribution(db: Kysely<any>, fit: ClvFit): Promise<ClvDistribution> {
  const stored = await readPart(db, fit.id, 'distribution')
  if (stored) return storedDistributionSchema.parse(stored)
  const computed = await clvDistribution(db, fit.workspace, fit.id)
  await writePart(db, fit.id, 'distribution', computed)
  return computed
}

import type { Kysely } from 'kysely'
import type { ChurnClvModelTables } from '../tables.js'

/**
 * Fits kept per workspace, newest first. The newest holds the customers' scores; the others keep their
 * parameters and diagnostics so a fit can be compared with the ones before it. A daily refit would
 * otherwise add 365 fits a year, each with its diagnostics.
 */
export const keptFits = 20
/** Finished fit jobs kept per workspace, newest first: the CLV page lists 50. Queued and running ones are never pruned. */
export const keptJobs = 200

/**
 * Deletes a workspace's fits beyond the newest {@link keptFits} (their diagnostics go with them), except one
 * that holds scores, and its
 * finished jobs beyond the newest {@link keptJobs}, so the history stays bounded however often the
 * workspace refits. A job keeps its fit's id when the fit is pruned: reading that fit then answers 404.
 *
 * @example
 * await pruneFitHistory(db, 'acme') // { fits: 1, jobs: 0 }
 */
export async function pruneFitHistory(db: Kysely<any>, workspace: string): Promise<{ fits: number; jobs: number }> {
  const tables = db as Kysely<ChurnClvModelTables>
  const fits = await tables
    .deleteFrom('churn_clv_fits')
    .where('workspace_id', '=', workspace)
    // Never a fit that holds scores, whatever its age: deleting it would take the scores with it. (The
    // scoring fit is the newest, unless clocks disagree or a host ran fits of its own.)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(selectFrom('churn_clv_scores as s').select('s.fit_id').whereRef('s.fit_id', '=', 'churn_clv_fits.id')),
      ),
    )
    .where('id', 'not in', (eb) =>
      eb
        .selectFrom('churn_clv_fits')
        .where('workspace_id', '=', workspace)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(keptFits)
        .select('id'),
    )
    .executeTakeFirst()
  const jobs = await tables
    .deleteFrom('churn_clv_fit_jobs')
    .where('workspace_id', '=', workspace)
    .where('status', 'in', ['succeeded', 'failed'])
    .where('id', 'not in', (eb) =>
      eb
        .selectFrom('churn_clv_fit_jobs')
        .where('workspace_id', '=', workspace)
        .where('status', 'in', ['succeeded', 'failed'])
        .orderBy('requested_at', 'desc')
        .orderBy('id', 'desc')
        .limit(keptJobs)
        .select('id'),
    )
    .executeTakeFirst()
  return { fits: Number(fits.numDeletedRows), jobs: Number(jobs.numDeletedRows) }
}

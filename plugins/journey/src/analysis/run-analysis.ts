import { CxValidationError, type PluginContext } from '@cxkit/core'
import { computeExits } from '../exits/compute-exits.js'
import type { ExitsResult } from '../exits/exits-result.js'
import { computeFunnel } from '../funnel/compute-funnel.js'
import type { FunnelResult } from '../funnel/funnel-result.js'
import { computePaths } from '../paths/compute-paths.js'
import type { PathsResult } from '../paths/paths-result.js'
import type { ExitsQuery, FunnelQuery, PathsQuery } from './analysis-query-schema.js'
import { resolveSteps } from './resolve-steps.js'

type AnalysisContext = Pick<PluginContext, 'db' | 'sql' | 'requireWorkspace'>

/**
 * A validated funnel query answered: the workspace checked (404), the steps resolved (400 naming
 * `<prefix>steps[i]`), the funnel counted. The HTTP route and the command line share it.
 *
 * @example
 * await runFunnelQuery(ctx, funnelQuerySchema.parse(input), 'query.')
 */
export async function runFunnelQuery(ctx: AnalysisContext, query: FunnelQuery, prefix = ''): Promise<FunnelResult> {
  await ctx.requireWorkspace(query.workspace)
  const steps = await resolveSteps(ctx, query.workspace, query.steps, `${prefix}steps`)
  return computeFunnel(ctx, { ...query, steps, windowMs: query.window }).catch((error: unknown) => {
    // A grouping too fine for the data is only found by counting: named here as the caller wrote it.
    if (!(error instanceof CxValidationError)) throw error
    throw new CxValidationError(error.fields.map((field) => ({ ...field, field: `${prefix}${field.field}` })))
  })
}

/** {@link runFunnelQuery} for the exit ranking. */
export async function runExitsQuery(ctx: AnalysisContext, query: ExitsQuery, prefix = ''): Promise<ExitsResult> {
  await ctx.requireWorkspace(query.workspace)
  const steps = await resolveSteps(ctx, query.workspace, query.steps, `${prefix}steps`)
  return computeExits(ctx, { ...query, steps, windowMs: query.window })
}

/** {@link runFunnelQuery} for the path ranking. */
export async function runPathsQuery(ctx: AnalysisContext, query: PathsQuery, prefix = ''): Promise<PathsResult> {
  await ctx.requireWorkspace(query.workspace)
  const start =
    query.start === undefined
      ? undefined
      : (await resolveSteps(ctx, query.workspace, [query.start], `${prefix}start`, true))[0]
  return computePaths(ctx, { ...query, start, windowMs: query.window })
}

import { type PluginContext, problemContent, throwOnInvalid } from '@cxkit/core'
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { clvFitJobRequestSchema, clvFitJobSchema } from '../schema.js'
import { fitJobRunnerFor, fitOptionsWithDefaults } from './fit-job-runner.js'
import { listFitJobs, readFitJob } from './fit-job-store.js'
import { workspaceQuery } from '../workspace-query.js'

const startFit = createRoute({
  method: 'post',
  path: '/clv/fits',
  summary:
    'Start a CLV fit as a job (options and defaults as `cxkit clv fit`); one per workspace at a time: follow the job at Location',
  request: {
    query: workspaceQuery,
    body: { required: true, content: { 'application/json': { schema: clvFitJobRequestSchema } } },
  },
  responses: {
    202: {
      description: 'Started: the job, queued; its address is in Location',
      headers: z.object({ Location: z.string() }),
      content: { 'application/json': { schema: clvFitJobSchema } },
    },
    400: { description: 'Invalid input', content: problemContent },
    404: { description: 'Unknown workspace', content: problemContent },
    409: {
      description: 'A fit of the workspace is queued or running: the problem names its job',
      content: problemContent,
    },
  },
})

const fitJob = createRoute({
  method: 'get',
  path: '/clv/fits/{jobId}',
  summary:
    "A fit job: queued, running, succeeded (with the fit's id) or failed (with the problem, e.g. too few repeat customers)",
  request: { query: workspaceQuery, params: z.object({ jobId: z.uuid() }) },
  responses: {
    200: { description: 'The job', content: { 'application/json': { schema: clvFitJobSchema } } },
    404: { description: 'Unknown workspace or job', content: problemContent },
  },
})

const listJobs = createRoute({
  method: 'get',
  path: '/clv/fits',
  summary:
    "The workspace's latest 50 fit jobs, newest first: who started each (api, schedule, cli), when, with which options, how it ended",
  request: { query: workspaceQuery },
  responses: {
    200: { description: 'Jobs', content: { 'application/json': { schema: z.array(clvFitJobSchema) } } },
    404: { description: 'Unknown workspace', content: problemContent },
  },
})

/** `/api/churn-clv/clv/fits…`: start CLV fits as jobs, follow one, list the recorded ones. */
export function fitJobRoutes(ctx: PluginContext) {
  const runner = fitJobRunnerFor(ctx)
  return new OpenAPIHono({ defaultHook: throwOnInvalid })
    .openapi(startFit, async (c) => {
      const { workspace } = c.req.valid('query')
      await ctx.requireWorkspace(workspace)
      const job = await runner.start(workspace, fitOptionsWithDefaults(c.req.valid('json'), Date.now()), 'api')
      const location = `/api/churn-clv/clv/fits/${job.id}?workspace=${encodeURIComponent(workspace)}`
      return c.json(job, 202, { Location: location })
    })
    .openapi(fitJob, async (c) => {
      const { workspace } = c.req.valid('query')
      await ctx.requireWorkspace(workspace)
      return c.json(await readFitJob(ctx.db, workspace, c.req.valid('param').jobId), 200)
    })
    .openapi(listJobs, async (c) => {
      const { workspace } = c.req.valid('query')
      await ctx.requireWorkspace(workspace)
      return c.json(await listFitJobs(ctx.db, workspace), 200)
    })
}

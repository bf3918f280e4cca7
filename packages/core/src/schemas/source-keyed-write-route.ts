import { z } from 'zod'
import { slugSchema } from './common.js'
import { sourceKeyedWriteResponses } from './source-keyed-write.js'

export interface SourceKeyedWriteRouteOptions<Body extends z.ZodType> {
  /** Below the plugin's mount point: `/events`, `/transactions/batch`. */
  readonly path: string
  readonly summary: string
  /** The request body: one record, or `{ <records>: [...] }`. */
  readonly body: Body
  /** Names the records in the 201's description: `the event`, `transactions`. */
  readonly what: string
  /** Examples of bad input for the 400's description. */
  readonly invalid: string
}

/**
 * The OpenAPI route of a `POST` that stores records exactly once by source id in the workspace named by
 * `?workspace=`, answering `{ inserted, duplicates }`: hand it to `createRoute` of `@hono/zod-openapi`.
 *
 * @example
 * const addEvent = createRoute(sourceKeyedWriteRoute({ path: '/events', summary: 'Record one journey event', body: journeyEventInputSchema, what: 'the event', invalid: 'an unknown touchpoint' }))
 */
export function sourceKeyedWriteRoute<Body extends z.ZodType>(options: SourceKeyedWriteRouteOptions<Body>) {
  return {
    method: 'post' as const,
    path: options.path,
    summary: options.summary,
    request: {
      query: z.object({ workspace: slugSchema }),
      body: { required: true, content: { 'application/json': { schema: options.body } } },
    },
    responses: sourceKeyedWriteResponses(options.what, options.invalid),
  }
}

import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { type Host, stageModelsOf, throwOnInvalid } from '@cxkit/core'
import type { ServerEnv } from '../http/server-env.js'

const stageModel = z
  .object({
    id: z.string(),
    stages: z.array(z.object({ id: z.string(), label: z.object({ en: z.string(), nl: z.string().optional() }) })),
  })
  .openapi('StageModel')

const list = createRoute({
  method: 'get',
  path: '/stage-models',
  summary: "The stage models a new workspace may start from: core's and those plugins contribute",
  responses: {
    200: { description: 'Stage models', content: { 'application/json': { schema: z.array(stageModel) } } },
  },
})

/** Lists the stage models this install offers (`stageModelsOf(host)`), stages in journey order. */
export function stageModelRoutes(host: Host) {
  const models = stageModelsOf(host).map((model) => ({
    id: model.id,
    stages: model.stages.map((stage) => ({
      id: stage.id,
      label: { en: stage.label.en, ...(stage.label.nl === undefined ? {} : { nl: stage.label.nl }) },
    })),
  }))
  return new OpenAPIHono<ServerEnv>({ defaultHook: throwOnInvalid }).openapi(list, (c) => c.json(models, 200))
}

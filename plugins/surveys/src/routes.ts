import { OpenAPIHono } from '@hono/zod-openapi'
import { type PluginContext, throwOnInvalid } from '@cxkit/core'
import { distributionRoutes } from './distribution-routes.js'
import { publicRoutes } from './public-routes.js'
import { createQuestionRegistry, summarizeQuestionType } from './question-registry.js'
import { responseListRoutes } from './response-list/response-list-routes.js'
import { responseRoutes } from './response-routes.js'
import { createSurveysRepository } from './surveys-repository.js'
import { surveyRoutes } from './survey-routes.js'
import type { SurveysOptions } from './surveys-options.js'
import { verbatimRoutes } from './verbatims/verbatim-routes.js'
import { webhookRoutes } from './webhooks/webhook-routes.js'

/** `/api/surveys/…`: definitions, responses, eligibility, and the question types on offer. */
export function surveysRoutes(ctx: PluginContext<SurveysOptions>) {
  const registry = createQuestionRegistry(ctx)
  const surveys = createSurveysRepository(ctx)
  const requireWorkspace = (id: string) => ctx.requireWorkspace(id)
  const app = new OpenAPIHono({ defaultHook: throwOnInvalid })
  app.get('/question-types', (c) => c.json(registry.all().map(summarizeQuestionType)))
  app.route('/', surveyRoutes(ctx, registry, requireWorkspace))
  app.route('/', verbatimRoutes(ctx, registry, requireWorkspace))
  app.route('/', responseListRoutes(ctx, requireWorkspace))
  app.route('/', webhookRoutes(ctx, requireWorkspace, ctx.options.webhooks))
  app.route('/', distributionRoutes(ctx))
  app.route('/', publicRoutes(ctx, registry))
  app.route(
    '/',
    responseRoutes(ctx, registry, requireWorkspace, (workspace, id) => surveys.require(workspace, id)),
  )
  return app
}

import { bodyLimits, contribute, customerTimelinePoint, definePlugin } from '@cxkit/core'
import * as createSurveys from './migrations/001_create_surveys.js'
import * as createResponses from './migrations/002_create_responses.js'
import * as createAnswerRollups from './migrations/003_create_answer_rollups.js'
import * as createWebhooks from './migrations/004_create_webhooks.js'
import * as addLinkSecrets from './migrations/005_add_link_secrets.js'
import * as compactResponses from './migrations/006_compact_responses.js'
import * as addVerifiedCustomers from './migrations/007_add_verified_customers.js'
import * as addContentHashes from './migrations/008_add_content_hashes.js'
import * as addWebhookClaims from './migrations/009_add_webhook_claims.js'
import * as securePersonalLinks from './migrations/010_secure_personal_links.js'
import * as indexResponsesByCustomer from './migrations/011_index_responses_by_customer.js'
import * as indexResponsesByTouchpoint from './migrations/012_index_responses_by_touchpoint.js'
import { surveyResponsesTimeline } from './customer-timeline/survey-responses-timeline.js'
import { surveyPageRoutes } from './page/page-routes.js'
import { surveysRoutes } from './routes.js'
import { responsesEntity } from './import/responses-entity.js'
import { seedDemoSurveys } from './seed-demo-surveys.js'
import { surveysOptionsSchema } from './surveys-options.js'
import { startWebhookDelivery } from './webhooks/start-webhook-delivery.js'

export * from './question-type.js'
export * from './answer-query.js'
export { createQuestionRegistry, type QuestionRegistry } from './question-registry.js'
export type { SurveysTables } from './tables.js'
export { responseBatchSchema } from './schema.js'
export { surveysOptionsSchema, type SurveysOptions, type SurveysOptionsInput } from './surveys-options.js'

/**
 * The survey engine. Question types come from other plugins (nps, csat, ces) through the
 * `surveys.questionTypes` extension point; the engine itself offers the open and reasons follow-ups.
 * Webhooks refuse private targets unless `webhooks.allowPrivateTargets` or
 * `CXKIT_WEBHOOKS_ALLOW_PRIVATE=1` allows them.
 *
 * @example
 * defineConfig({ plugins: [surveysPlugin(), npsPlugin()] })
 * surveysPlugin({ webhooks: { timeoutMs: 5000, perWebhook: 1 } })
 */
export const surveysPlugin = definePlugin({
  id: 'surveys',
  version: '0.1.0',
  description: {
    en: 'Survey definitions and exactly-once response collection.',
    nl: 'Enquêtes en het verzamelen van antwoorden.',
  },
  migrations: {
    '001_create_surveys': createSurveys,
    '002_create_responses': createResponses,
    '003_create_answer_rollups': createAnswerRollups,
    '004_create_webhooks': createWebhooks,
    '005_add_link_secrets': addLinkSecrets,
    '006_compact_responses': compactResponses,
    '007_add_verified_customers': addVerifiedCustomers,
    '008_add_content_hashes': addContentHashes,
    '009_add_webhook_claims': addWebhookClaims,
    '010_secure_personal_links': securePersonalLinks,
    '011_index_responses_by_customer': indexResponsesByCustomer,
    '012_index_responses_by_touchpoint': indexResponsesByTouchpoint,
  },
  optionsSchema: surveysOptionsSchema,
  routes: surveysRoutes,
  // Batches of up to 10,000 responses or customers; one visitor's answer through the widget is small.
  bodyLimits: {
    'POST /responses': bodyLimits.batch,
    'POST /surveys/{id}/links': bodyLimits.batch,
    '* /public/*': bodyLimits.publicJson,
  },
  importers: [responsesEntity],
  // Each response of a customer on the customer page.
  contributes: [contribute(customerTimelinePoint, surveyResponsesTimeline)],
  publicPages: { path: '/s', routes: surveyPageRoutes },
  dashboard: {
    module: '@cxkit/plugin-surveys/dashboard',
    pages: [{ path: 'surveys', tag: 'cx-surveys-page', title: { en: 'Surveys', nl: 'Enquêtes' } }],
  },
  seedDemo: seedDemoSurveys,
  start: (ctx) => startWebhookDelivery(ctx, ctx.options.webhooks),
})
export * from './aggregate-answers.js'
export { rebuildAnswerRollups } from './rebuild-answer-rollups.js'
export { deliverDueWebhooks, retryDelaysSeconds } from './webhooks/deliver-webhooks.js'
export { signWebhook, verifyWebhook } from './webhooks/sign-webhook.js'
export { checkPersonalLink, type PersonalLinkCheck, signPersonalLink } from './personal-links.js'

declare module '@cxkit/core' {
  /** Registers the plugin's id and metric ids, so `dependsOn`, configs and typed clients check them. */
  interface PluginRegistry {
    surveys: ReturnType<typeof surveysPlugin>
  }
}

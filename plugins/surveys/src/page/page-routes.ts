import { randomUUID } from 'node:crypto'
import { CxValidationError, type PluginContext } from '@cxkit/core'
import { type Context, Hono } from 'hono'
import { html } from 'hono/html'
import { ingestResponses } from '../ingest-responses.js'
import { createQuestionRegistry } from '../question-registry.js'
import { createSurveysRepository, type StoredSurvey } from '../surveys-repository.js'
import { choosePageLocale, pageTexts } from './page-texts.js'
import { layout, renderSurveyPage } from './render-survey-page.js'

/** Reads the form back into answers: scales as numbers, empty fields left out, checkboxes as lists. */
function answersFromForm(survey: StoredSurvey, form: Record<string, string | File | (string | File)[]>) {
  const answers: { questionId: string; value: unknown }[] = []
  const previous = new Map<string, unknown>()
  for (const question of survey.questions) {
    const raw = form[`q.${question.id}`]
    if (raw === undefined || raw === '') continue
    const values = (Array.isArray(raw) ? raw : [raw]).map(String)
    const value = question.type === 'reasons' ? values : question.type === 'open' ? values[0] : Number(values[0])
    if (question.type === 'open' && String(value).trim() === '') continue
    previous.set(question.id, value)
    answers.push({ questionId: question.id, value })
  }
  return { answers, previous }
}

/**
 * `/s/<token>`: the survey as a page anyone with the link can answer. The form carries a nonce used
 * as idempotency key, so a double click or a resubmitted form stores one response.
 */
export function surveyPageRoutes(ctx: PluginContext) {
  const registry = createQuestionRegistry(ctx)
  const surveys = createSurveysRepository(ctx)
  const app = new Hono()

  const load = async (token: string) => surveys.findByToken(token)
  const notice = (c: Context, locale: keyof typeof pageTexts, message: string, status: 201 | 404 | 410) =>
    c.html(layout(locale, message, html`<p role="status">${message}</p>`), status)

  app.get('/:token', async (c) => {
    const survey = await load(c.req.param('token'))
    const locale = choosePageLocale(survey?.locales ?? ['en'], c.req.query('lang'), c.req.header('accept-language'))
    if (!survey) return notice(c, locale, pageTexts[locale].notFound, 404)
    if (survey.status !== 'active') return notice(c, locale, pageTexts[locale].closed, 410)
    return c.html(renderSurveyPage({ survey, registry, locale, action: `./${c.req.param('token')}${c.req.query('tp') ? `?tp=${encodeURIComponent(c.req.query('tp')!)}` : ''}`, nonce: randomUUID() }))
  })

  app.post('/:token', async (c) => {
    const token = c.req.param('token')
    const survey = await load(token)
    const form = await c.req.parseBody({ all: true })
    const locale = choosePageLocale(survey?.locales ?? ['en'], String(form.lang ?? ''), c.req.header('accept-language'))
    if (!survey) return notice(c, locale, pageTexts[locale].notFound, 404)
    if (survey.status !== 'active') return notice(c, locale, pageTexts[locale].closed, 410)
    const { answers, previous } = answersFromForm(survey, form)
    const nonce = String(form.nonce ?? '') || randomUUID()
    const errors = new Map<string, string>()
    for (const question of survey.questions) {
      if (question.required && !previous.has(question.id)) errors.set(question.id, pageTexts[locale].required)
    }
    if (errors.size === 0) {
      try {
        const result = await ingestResponses(ctx, registry, survey.workspace, [
          { surveyId: survey.id, idempotencyKey: `page:${token}:${nonce}`, channel: 'link', locale, answers, touchpointId: c.req.query('tp') || undefined },
        ])
        const message = result.stored === 1 ? pageTexts[locale].thanks : pageTexts[locale].alreadyReceived
        return notice(c, locale, message, 201)
      } catch (error) {
        if (!(error instanceof CxValidationError)) throw error
        for (const field of error.fields) {
          const index = Number(field.field.match(/answers\[(\d+)\]/)?.[1] ?? -1)
          const question = answers[index]?.questionId ?? survey.questions[0]!.id
          errors.set(question, field.message)
        }
      }
    }
    return c.html(renderSurveyPage({ survey, registry, locale, action: `./${token}`, nonce, errors, previous }), 400)
  })
  return app
}

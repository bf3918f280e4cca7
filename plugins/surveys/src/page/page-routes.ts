import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { CxValidationError, type PluginContext } from '@cxkit/core'
import { type Context, Hono } from 'hono'
import { html } from 'hono/html'
import { ingestResponses } from '../ingest-responses.js'
import { personalLinkKey, verifyPersonalLink } from '../personal-links.js'
import { createQuestionRegistry } from '../question-registry.js'
import { responseChannels } from '../schema.js'
import { createSurveysRepository, type StoredSurvey } from '../surveys-repository.js'
import type { SurveysTables } from '../tables.js'
import { badPageInput } from './page-input.js'
import { choosePageLocale, type PageLocale, pageTexts } from './page-texts.js'
import { layout, renderSurveyPage } from './render-survey-page.js'

type Form = Record<string, string | File | (string | File)[]>

let widgetSource: string | null | undefined
/** The built widget module, read once; null when `@cxkit/widget` has not been built. */
function readWidget(): string | null {
  if (widgetSource !== undefined) return widgetSource
  try {
    widgetSource = readFileSync(createRequire(import.meta.url).resolve('@cxkit/widget/dist/cx-survey.js'), 'utf8')
  } catch {
    widgetSource = null
  }
  return widgetSource
}

/** Reads the form back into answers: scales as numbers, empty fields left out, checkboxes as lists. */
function answersFromForm(survey: StoredSurvey, form: Form) {
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
 * `/s/<token>`: the survey as a page anyone with the link can answer. A plain link's form carries a
 * nonce as idempotency key (a double click stores one response); a personal link (`?c=<customer>&sig=`)
 * is checked against its signature and answers once per customer.
 */
export function surveyPageRoutes(ctx: PluginContext) {
  const registry = createQuestionRegistry(ctx)
  const surveys = createSurveysRepository(ctx)
  const app = new Hono()

  const notice = (c: Context, locale: PageLocale, message: string, status: 200 | 201 | 400 | 403 | 404 | 410) =>
    c.html(layout(locale, message, html`<p role="status">${message}</p>`), status)

  /** The survey behind a token, or the page to show instead. */
  async function open(
    c: Context,
    token: string,
    requestedLocale: string | undefined,
    customer: string,
    signature: string,
    nonce?: string,
  ) {
    if (badPageInput({ token, customer, signature, nonce })) {
      const locale = choosePageLocale(['en', 'nl'], requestedLocale, c.req.header('accept-language'))
      return { locale, refusal: notice(c, locale, pageTexts[locale].badLink, 400) }
    }
    const survey = await surveys.findByToken(token)
    const locale = choosePageLocale(survey?.locales ?? ['en'], requestedLocale, c.req.header('accept-language'))
    if (!survey) return { locale, refusal: notice(c, locale, pageTexts[locale].notFound, 404) }
    if (survey.status !== 'active') return { locale, refusal: notice(c, locale, pageTexts[locale].closed, 410) }
    if (customer || signature) {
      const secret = await surveys.linkSecret(survey.workspace, survey.id)
      if (!verifyPersonalLink(secret, survey.id, customer, signature))
        return { locale, refusal: notice(c, locale, pageTexts[locale].badLink, 403) }
    }
    return { locale, survey }
  }

  async function alreadyAnswered(workspace: string, key: string): Promise<boolean> {
    const row = await ctx.db
      .withTables<SurveysTables>()
      .selectFrom('surveys_responses')
      .select('id')
      .where('workspace_id', '=', workspace)
      .where('idempotency_key', '=', key)
      .executeTakeFirst()
    return Boolean(row)
  }

  // The <cx-survey> widget, for sites that embed surveys: one cacheable module, loadable cross-origin.
  app.get('/cx-survey.js', (c) => {
    const widget = readWidget()
    if (!widget) return c.text('the widget is not built: run pnpm build', 404)
    return c.body(widget, 200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=3600',
      'access-control-allow-origin': '*',
    })
  })

  app.get('/:token', async (c) => {
    const token = c.req.param('token')
    const customer = c.req.query('c') ?? ''
    const signature = c.req.query('sig') ?? ''
    const { locale, survey, refusal } = await open(c, token, c.req.query('lang'), customer, signature)
    if (!survey) return refusal!
    if (customer && (await alreadyAnswered(survey.workspace, personalLinkKey(survey.id, customer)))) {
      return notice(c, locale, pageTexts[locale].alreadyReceived, 200)
    }
    const query = new URLSearchParams(
      Object.entries({ tp: c.req.query('tp'), ch: c.req.query('ch') }).filter((e): e is [string, string] =>
        Boolean(e[1]),
      ),
    )
    return c.html(
      renderSurveyPage({
        survey,
        registry,
        locale,
        action: `./${token}${query.size ? `?${query}` : ''}`,
        nonce: randomUUID(),
        hidden: customer ? { c: customer, sig: signature } : {},
      }),
    )
  })

  app.post('/:token', async (c) => {
    const token = c.req.param('token')
    const form = await c.req.parseBody({ all: true })
    const customer = String(form.c ?? '')
    const signature = String(form.sig ?? '')
    const nonce = String(form.nonce ?? '') || randomUUID()
    const { locale, survey, refusal } = await open(c, token, String(form.lang ?? ''), customer, signature, nonce)
    if (!survey) return refusal!
    const { answers, previous } = answersFromForm(survey, form)
    const errors = new Map<string, string>()
    for (const question of survey.questions) {
      if (question.required && !previous.has(question.id)) errors.set(question.id, pageTexts[locale].required)
    }
    const requestedChannel = c.req.query('ch')
    const channel = customer
      ? 'email'
      : (responseChannels as readonly string[]).includes(requestedChannel ?? '')
        ? requestedChannel!
        : 'link'
    if (errors.size === 0) {
      try {
        const result = await ingestResponses(ctx, registry, survey.workspace, [
          {
            surveyId: survey.id,
            idempotencyKey: customer ? personalLinkKey(survey.id, customer) : `page:${token}:${nonce}`,
            customerExternalId: customer || undefined,
            channel: channel as (typeof responseChannels)[number],
            locale,
            answers,
            touchpointId: c.req.query('tp') || undefined,
          },
        ])
        return notice(
          c,
          locale,
          result.stored === 1 ? pageTexts[locale].thanks : pageTexts[locale].alreadyReceived,
          201,
        )
      } catch (error) {
        if (!(error instanceof CxValidationError)) throw error
        for (const field of error.fields) {
          const index = Number(field.field.match(/answers\[(\d+)\]/)?.[1] ?? -1)
          errors.set(answers[index]?.questionId ?? survey.questions[0]!.id, field.message)
        }
      }
    }
    return c.html(
      renderSurveyPage({
        survey,
        registry,
        locale,
        action: `./${token}`,
        nonce,
        errors,
        previous,
        hidden: customer ? { c: customer, sig: signature } : {},
      }),
      400,
    )
  })
  return app
}

import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { CxValidationError, type PluginContext } from '@cxkit/core'
import { type Context, Hono } from 'hono'
import { html } from 'hono/html'
import { KeyConflictError } from '../idempotency-conflicts.js'
import { ingestResponses } from '../ingest-responses.js'
import { checkPersonalLink } from '../personal-links.js'
import { createQuestionRegistry } from '../question-registry.js'
import { type CollectionMethod, isCollectionMethod } from '../schema.js'
import { createSurveysRepository, type StoredSurvey } from '../surveys-repository.js'
import type { SurveysTables } from '../tables.js'
import { pageNonce } from './page-nonce.js'
import { type FormRefusal, guardPageForm } from './guard-page-form.js'
import { badPageInput } from './page-input.js'
import { choosePageLocale, type PageLocale, pageTexts } from './page-texts.js'
import { layout, renderSurveyPage } from './render-survey-page.js'

type Form = Record<string, string | File | (string | File)[]>

/** The page's form carries a UUID as nonce; a longer or stranger one was not sent by the page. */
const noncePattern = /^[A-Za-z0-9-]{1,64}$/

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
 * is checked against its signature and expiry and stores one answer (see checkPersonalLink).
 */
export function surveyPageRoutes(ctx: PluginContext) {
  const registry = createQuestionRegistry(ctx)
  const surveys = createSurveysRepository(ctx)
  const app = new Hono()

  const notice = (
    c: Context,
    locale: PageLocale,
    message: string,
    status: 200 | 201 | 400 | 403 | 404 | 409 | 410 | 413 | 415,
    more: unknown = '',
  ) => c.html(layout(locale, message, html`<p role="status">${message}</p>${more}`), status)

  /** A plain link's way to a fresh form, for a tablet that visitor after visitor answers on. */
  const answerAgain = (c: Context, token: string, locale: PageLocale) => {
    const query = new URLSearchParams({ again: '1', lang: locale })
    for (const name of ['tp', 'ch']) if (c.req.query(name)) query.set(name, c.req.query(name)!)
    return html`<p><a href="./${token}?${query}">${pageTexts[locale].answerAgain}</a></p>`
  }

  /** A form refused before its body is read: in the survey's language the visitor asks for, as any page. */
  async function refuseForm(c: Context, status: 413 | 415, refusal: FormRefusal) {
    const survey = await surveys.findByToken(c.req.param('token') ?? '')
    const locale = choosePageLocale(survey?.locales ?? ['en'], c.req.query('lang'), c.req.header('accept-language'))
    return notice(c, locale, pageTexts[locale][refusal], status)
  }

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
      const check = checkPersonalLink(
        await surveys.linkSecrets(survey.workspace, survey.id),
        survey.id,
        customer,
        signature,
      )
      if (!check.valid) {
        const text = check.reason === 'link_expired' ? pageTexts[locale].linkExpired : pageTexts[locale].badLink
        return { locale, refusal: notice(c, locale, text, 403) }
      }
      return { locale, survey, linkKey: check.key }
    }
    return { locale, survey, linkKey: undefined }
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
    const { locale, survey, refusal, linkKey } = await open(c, token, c.req.query('lang'), customer, signature)
    if (!survey) return refusal!
    if (linkKey && (await alreadyAnswered(survey.workspace, linkKey))) {
      return notice(c, locale, pageTexts[locale].alreadyReceived, 200)
    }
    const query = new URLSearchParams(
      Object.entries({ tp: c.req.query('tp'), ch: c.req.query('ch') }).filter((e): e is [string, string] =>
        Boolean(e[1]),
      ),
    )
    // Always from the server, so Back shows the form with the nonce kept for this browser (see pageNonce).
    c.header('cache-control', 'no-store')
    return c.html(
      renderSurveyPage({
        survey,
        registry,
        locale,
        action: `./${token}${query.size ? `?${query}` : ''}`,
        // A personal link's key is the link itself: no nonce to keep.
        nonce: customer ? randomUUID() : pageNonce(c, token, c.req.query('again') === '1'),
        hidden: customer ? { c: customer, sig: signature } : {},
      }),
    )
  })

  app.post('/:token', guardPageForm(refuseForm), async (c) => {
    const token = c.req.param('token')
    const form = await c.req.parseBody({ all: true })
    const customer = String(form.c ?? '')
    const signature = String(form.sig ?? '')
    const nonce = String(form.nonce ?? '') || randomUUID()
    const { locale, survey, refusal, linkKey } = await open(
      c,
      token,
      String(form.lang ?? ''),
      customer,
      signature,
      nonce,
    )
    if (!survey) return refusal!
    const { answers, previous } = answersFromForm(survey, form)
    if (!noncePattern.test(nonce)) return notice(c, locale, pageTexts[locale].badForm, 400)
    const errors = new Map<string, string>()
    for (const question of survey.questions) {
      if (question.required && !previous.has(question.id)) errors.set(question.id, pageTexts[locale].required)
    }
    // `ch`: the collection method a printed QR code or a link was made for.
    const requestedMethod = c.req.query('ch') ?? ''
    const channel: CollectionMethod = customer
      ? 'email'
      : isCollectionMethod(requestedMethod)
        ? requestedMethod
        : 'link'
    if (errors.size === 0) {
      try {
        const result = await ingestResponses(ctx, registry, survey.workspace, [
          {
            surveyId: survey.id,
            idempotencyKey: linkKey ?? `page:${token}:${nonce}`,
            customerExternalId: customer || undefined,
            channel,
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
          customer ? '' : answerAgain(c, token, locale),
        )
      } catch (error) {
        // A personal link answered before with other answers: the first answer stands.
        if (error instanceof KeyConflictError) return notice(c, locale, pageTexts[locale].alreadyReceived, 409)
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

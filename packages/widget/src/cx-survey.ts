import { renderQuestion } from './render-question.js'
import type { PublicSurvey } from './survey-types.js'
import { type WidgetLocale, widgetTexts } from './widget-texts.js'
import { widgetStyles } from './widget-styles.js'

/**
 * `<cx-survey server="https://cx.example.com" token="…" locale="nl" customer="C-42" customer-signature="…" touchpoint="web-checkout">`
 * Shows a cxkit survey inside any page and submits the answers once (a retry after a network error
 * reuses the same idempotency key). Fires `cx-survey-submitted` when stored. Shows nothing, and fires
 * `cx-survey-unavailable`, when the survey is closed or unknown, when the survey's contact rule says
 * this customer answered too recently to be asked again, or when the survey takes signed customer ids
 * only and `customer-signature` (the `sig` of the customer's personal link, from your back end) is
 * missing or wrong.
 */
export class CxSurvey extends HTMLElement {
  static observedAttributes = ['token', 'server', 'locale', 'customer', 'customer-signature']
  private readonly root = this.attachShadow({ mode: 'open' })
  private readonly answers = new Map<string, unknown>()
  private survey: PublicSurvey | null = null
  private readonly idempotencyKey = crypto.randomUUID()
  /** Attributes set one after another start one load each: only the latest may show its result. */
  private loads = 0

  private get base(): string {
    return (this.getAttribute('server') ?? '').replace(/\/$/, '')
  }

  private get locale(): WidgetLocale {
    const requested = (this.getAttribute('locale') ?? navigator.language ?? 'en').slice(0, 2)
    return requested === 'nl' ? 'nl' : 'en'
  }

  connectedCallback(): void {
    this.scheduleLoad()
  }

  attributeChangedCallback(): void {
    if (this.isConnected) this.scheduleLoad()
  }

  /**
   * One load for a burst of changes: on upgrade every attribute present reports a change, then the
   * element connects; without this each would fetch the survey.
   */
  private loadScheduled = false
  private scheduleLoad(): void {
    if (this.loadScheduled) return
    this.loadScheduled = true
    queueMicrotask(() => {
      this.loadScheduled = false
      void this.load()
    })
  }

  private async load(): Promise<void> {
    const token = this.getAttribute('token')
    if (!token) return
    const query = new URLSearchParams()
    const customer = this.getAttribute('customer')
    const signature = this.getAttribute('customer-signature')
    if (customer) query.set('customer', customer)
    if (signature) query.set('signature', signature)
    const ticket = ++this.loads
    const response = await fetch(
      `${this.base}/api/surveys/public/${encodeURIComponent(token)}${query.size ? `?${query}` : ''}`,
    )
    const survey = response.ok ? ((await response.json()) as PublicSurvey) : null
    if (ticket !== this.loads) return
    if (!survey?.eligible) {
      this.root.replaceChildren()
      const detail = survey
        ? { status: response.status, reason: 'contact-rule', nextEligibleAt: survey.nextEligibleAt }
        : { status: response.status, reason: response.status === 403 ? 'unverified-customer' : 'unavailable' }
      this.dispatchEvent(new CustomEvent('cx-survey-unavailable', { detail }))
      return
    }
    this.survey = survey
    this.render()
  }

  private render(): void {
    const survey = this.survey!
    const texts = widgetTexts[this.locale]
    const style = document.createElement('style')
    style.textContent = widgetStyles
    const form = document.createElement('form')
    form.noValidate = true
    for (const question of survey.questions) {
      form.append(
        renderQuestion(question, this.locale, texts.optional, (value) =>
          value === undefined ? this.answers.delete(question.id) : this.answers.set(question.id, value),
        ),
      )
    }
    const status = document.createElement('p')
    status.setAttribute('role', 'status')
    const submit = Object.assign(document.createElement('button'), {
      type: 'submit',
      className: 'submit',
      textContent: texts.submit,
    })
    form.append(submit, status)
    form.addEventListener('submit', (event) => {
      event.preventDefault()
      void this.submit(form, status, submit)
    })
    this.root.replaceChildren(style, form)
  }

  private async submit(form: HTMLFormElement, status: HTMLElement, button: HTMLButtonElement): Promise<void> {
    const survey = this.survey!
    const texts = widgetTexts[this.locale]
    let missing = false
    for (const question of survey.questions) {
      const error = form.querySelector<HTMLElement>(`#cx-error-${CSS.escape(question.id)}`)!
      const unanswered = question.required && !this.answers.has(question.id)
      error.textContent = unanswered ? texts.required : ''
      missing ||= unanswered
    }
    if (missing) return
    button.disabled = true
    try {
      const response = await fetch(
        `${this.base}/api/surveys/public/${encodeURIComponent(this.getAttribute('token')!)}/responses`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            idempotencyKey: this.idempotencyKey,
            locale: this.locale,
            customerExternalId: this.getAttribute('customer') ?? undefined,
            customerSignature: this.getAttribute('customer-signature') ?? undefined,
            touchpointId: this.getAttribute('touchpoint') ?? undefined,
            channel: this.getAttribute('channel') === 'in-app' ? 'in-app' : 'widget',
            answers: [...this.answers].map(([questionId, value]) => ({ questionId, value })),
          }),
        },
      )
      if (!response.ok) throw new Error(String(response.status))
      const thanks = Object.assign(document.createElement('p'), { textContent: texts.thanks })
      thanks.setAttribute('role', 'status')
      this.root.replaceChildren(this.root.querySelector('style')!, thanks)
      this.dispatchEvent(new CustomEvent('cx-survey-submitted', { detail: { survey: survey.id } }))
    } catch {
      status.textContent = texts.failed
      button.disabled = false
    }
  }
}

if (!customElements.get('cx-survey')) customElements.define('cx-survey', CxSurvey)

declare global {
  interface HTMLElementTagNameMap {
    'cx-survey': CxSurvey
  }
}

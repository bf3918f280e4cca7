import type { CustomerTimelineEntry, TimelineScore } from '@cxkit/core'
import { CxDashboardElement, themeStyles } from '@cxkit/ui'
import { Task } from '@lit/task'
import { css, html, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { repeat } from 'lit/directives/repeat.js'
import './customer-messages.js'
import { type TimelinePage, textIn } from './customer-api.js'
import { customersPageStyles } from './customers-page-styles.js'

/**
 * A customer's timeline: what every plugin contributes (survey responses now; journey events, purchases,
 * churn risk later), newest first, 50 at a time. Each entry says what kind it is and when it happened.
 */
@customElement('cx-customer-timeline')
export class CxCustomerTimeline extends CxDashboardElement {
  static override styles = [
    themeStyles,
    customersPageStyles,
    css`
      ol { list-style: none; padding: 0; margin: 0; display: grid; gap: 10px; }
      li { background: var(--_surface); border: 1px solid var(--_border); border-radius: var(--_radius); padding: 10px 14px; }
      .head { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: baseline; }
      .kind { font-size: 0.75rem; text-transform: uppercase; letter-spacing: 0.04em; color: var(--_primary); font-weight: 600; }
      .title { font-weight: 600; }
      time { color: var(--_muted); font-size: 0.85rem; }
      .scores { display: flex; flex-wrap: wrap; gap: 6px 14px; margin: 6px 0 0; padding: 0; list-style: none; }
      .scores li { border: 0; padding: 0; background: none; }
      .value { font-weight: 700; font-size: 1.05rem; }
      blockquote { margin: 8px 0 0; padding: 4px 10px; border-left: 3px solid var(--_border); white-space: pre-line; }
      dl { display: flex; flex-wrap: wrap; gap: 4px 16px; margin: 6px 0 0; font-size: 0.85rem; }
      dt { color: var(--_muted); }
      dt::after { content: ':'; }
      dd { margin: 0 0 0 -12px; }
    `,
  ]

  /** The workspace the customer belongs to (the page's URL may name another than the shell's). */
  @property() accessor customerWorkspace = ''
  @property() accessor customerId = ''

  @state() private accessor entries: CustomerTimelineEntry[] = []
  @state() private accessor nextBefore: string | null = null
  @state() private accessor unavailable: TimelinePage['unavailable'] = []
  @state() private accessor loadingMore = false
  @state() private accessor moreError = ''

  private path(before?: string) {
    const base = `/api/workspaces/${encodeURIComponent(this.customerWorkspace)}/customers/${encodeURIComponent(this.customerId)}/timeline?limit=50`
    return before ? `${base}&before=${encodeURIComponent(before)}` : base
  }

  private readonly firstPage = new Task(this, {
    task: ([workspace, customerId], { signal }) =>
      workspace && customerId
        ? this.api.get<TimelinePage>(this.path(), signal)
        : Promise.resolve({ items: [], nextBefore: null, unavailable: [] }),
    args: () => [this.customerWorkspace, this.customerId] as const,
    onComplete: (page) => {
      this.entries = page.items
      this.nextBefore = page.nextBefore
      this.unavailable = page.unavailable
      this.moreError = ''
    },
  })

  private async loadMore() {
    if (!this.nextBefore) return
    const customerId = this.customerId
    this.loadingMore = true
    try {
      const page = await this.api.get<TimelinePage>(this.path(this.nextBefore))
      if (customerId !== this.customerId) return
      this.entries = [...this.entries, ...page.items]
      this.nextBefore = page.nextBefore
    } catch (error) {
      this.moreError = error instanceof Error ? error.message : String(error)
    } finally {
      this.loadingMore = false
    }
  }

  private kindLabel(kind: string): string {
    const key = `customers:kind.${kind}` as const
    const label = this.t(key)
    // A kind this dashboard has no words for (a newer plugin's) reads as the plugin names it.
    return label === key ? kind : label
  }

  private renderScore(score: TimelineScore) {
    const label = score.label ? textIn(score.label, this.locale) : score.type
    const scale =
      score.min !== undefined && score.max !== undefined
        ? this.t('customers:scale', { min: score.min, max: score.max })
        : ''
    return html`<li data-score-type=${score.type} data-score=${score.value}>
      ${label}: <span class="value">${this.i18n.number(score.value, Number.isInteger(score.value) ? 0 : 1)}</span>
      <span class="muted">${scale}</span>
      ${score.group ? html`<span>· ${textIn(score.group, this.locale)}</span>` : nothing}
    </li>`
  }

  private renderEntry(entry: CustomerTimelineEntry) {
    const at = new Date(entry.at)
    return html`<li data-kind=${entry.kind} data-plugin=${entry.plugin} data-entry=${entry.id}>
      <div class="head">
        <span class="kind">${this.kindLabel(entry.kind)}</span>
        <span class="title">${textIn(entry.title, this.locale)}</span>
        <time datetime=${entry.at}>${new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(at)}</time>
      </div>
      ${entry.scores?.length ? html`<ul class="scores">${entry.scores.map((score) => this.renderScore(score))}</ul>` : nothing}
      ${entry.detail ? html`<blockquote>${textIn(entry.detail, this.locale)}</blockquote>` : nothing}
      ${
        entry.facts?.length
          ? html`<dl>${entry.facts.map((fact) => html`<dt>${textIn(fact.label, this.locale)}</dt><dd>${textIn(fact.value, this.locale)}</dd>`)}</dl>`
          : nothing
      }
      ${entry.link ? html`<a href=${entry.link}>${entry.link}</a>` : nothing}
    </li>`
  }

  private renderEntries() {
    const unavailable = this.unavailable.length
      ? html`<p class="error" role="alert">${this.t('customers:unavailable', { list: this.unavailable.map((u) => `${u.plugin} (${u.kind})`).join(', ') })}</p>`
      : nothing
    if (this.entries.length === 0) {
      return html`${unavailable}<p class="muted" data-state="empty">${this.t('customers:timelineEmpty')}</p>`
    }
    return html`${unavailable}
      <ol aria-label=${this.t('customers:timeline')}>${repeat(
        this.entries,
        (entry) => `${entry.plugin}:${entry.kind}:${entry.id}`,
        (entry) => this.renderEntry(entry),
      )}</ol>
      <div class="more">
        ${this.nextBefore ? html`<button @click=${this.loadMore} ?disabled=${this.loadingMore}>${this.loadingMore ? this.t('customers:loading') : this.t('customers:more')}</button>` : nothing}
        ${this.moreError ? html`<span class="error" role="alert">${this.t('customers:loadFailed', { message: this.moreError })}</span>` : nothing}
      </div>`
  }

  override render() {
    return this.firstPage.render({
      pending: () => html`<p class="muted" data-state="loading">${this.t('customers:loading')}</p>`,
      complete: () => this.renderEntries(),
      error: (error) =>
        html`<p class="error" role="alert">${this.t('customers:loadFailed', { message: error instanceof Error ? error.message : String(error) })}</p>`,
    })
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-customer-timeline': CxCustomerTimeline
  }
}

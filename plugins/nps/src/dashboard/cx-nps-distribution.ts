import { type ApiClient, createApiClient, createTranslator, elementStyles, themeStyles } from '@cxkit/ui'
import { Task } from '@lit/task'
import { LitElement, css, html } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { type NpsGroupId, npsGroups, scoreRange } from '../schema.js'

/** How each NPS group is drawn; which scores belong to it comes from `npsGroups`. */
const colours: Record<NpsGroupId, string> = {
  detractor: 'var(--cx-color-bad, #c0392b)',
  passive: 'var(--cx-color-muted, #9aa3b2)',
  promoter: 'var(--cx-color-good, #12805c)',
}

const groups = npsGroups.map((group) => ({
  ...group,
  colour: colours[group.id],
  label: { en: `${group.label.en} ${scoreRange(group)}`, nl: `${group.label.nl} ${scoreRange(group)}` },
}))

/** Filters as a value: the same filters give the same key whatever object holds them. */
const filtersKey = (filters: Record<string, string>) =>
  JSON.stringify(Object.entries(filters).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))

/** The 0–10 answers as one bar stacked into detractors, passives and promoters, and a bar per score. */
@customElement('cx-nps-distribution')
export class CxNpsDistribution extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host { display: block; margin-top: 10px; font-size: 0.8rem; }
      .stack { display: flex; height: 14px; border-radius: 4px; overflow: hidden; }
      .legend { display: flex; gap: 10px; flex-wrap: wrap; margin-top: 4px; color: var(--_muted); }
      .scores { display: grid; grid-template-columns: repeat(11, 1fr); gap: 2px; align-items: end; height: 44px; margin-top: 8px; }
      .scores div { border-radius: 2px 2px 0 0; min-height: 1px; }
      .labels { display: grid; grid-template-columns: repeat(11, 1fr); text-align: center; color: var(--_muted); }
      .note { margin: 4px 0; color: var(--_muted); }
    `,
  ]

  @property() accessor workspace = ''
  @property({ attribute: false }) accessor period = { from: '', to: '' }
  @property({ attribute: false }) accessor filters: Record<string, string> = {}
  @property({ attribute: false }) accessor api: ApiClient = createApiClient()
  @property() accessor locale = 'en'

  private readonly data = new Task(this, {
    task: async ([workspace, from, to], { signal }) => {
      if (!workspace || !from) return null
      const filters = this.filters
      const result = await this.api.metric('nps', { workspace, from, to, filters, groupBy: 'score' }, signal)
      const counts = Array.from({ length: 11 }, () => 0)
      for (const row of result.breakdown ?? []) counts[Number(row.key)] = row.n
      return counts
    },
    // The filters by value: the panel hands over a new object each time it renders, and an argument that
    // changes by identity alone would cancel and restart the request on every render of the panel.
    args: () => [this.workspace, this.period.from, this.period.to, filtersKey(this.filters)] as const,
  })

  override render() {
    const i18n = createTranslator(this.locale)
    return this.data.render({
      pending: () => html`<p class="note">${i18n.t('panel.loading')}</p>`,
      // Said rather than left blank: a distribution that failed is not one that is empty.
      error: (error) =>
        html`<p class="note" role="alert">${i18n.t('panel.errorPlugin', { plugin: 'nps', message: error instanceof Error ? error.message : String(error) })}</p>`,
      complete: (counts) => {
        if (!counts) return ''
        const total = counts.reduce((a, b) => a + b, 0) || 1
        const max = Math.max(...counts, 1)
        const share = (from: number, to: number) => counts.slice(from, to + 1).reduce((a, b) => a + b, 0) / total
        const colourOf = (score: number) => groups.find((g) => score >= g.min && score <= g.max)!.colour
        return html`<div class="stack" role="img" aria-label="distribution">
            ${groups.map((g) => html`<div data-group=${g.id} data-share=${share(g.min, g.max)} ${elementStyles({ width: `${share(g.min, g.max) * 100}%`, background: g.colour })}></div>`)}
          </div>
          <div class="legend">${groups.map((g) => html`<span>${g.label[this.locale as 'en'] ?? g.label.en}: ${i18n.percent(share(g.min, g.max), 0)}</span>`)}</div>
          <div class="scores" aria-hidden="true">${counts.map((n, score) => html`<div title="${score}: ${n}" ${elementStyles({ height: `${(n / max) * 100}%`, background: colourOf(score) })}></div>`)}</div>
          <div class="labels" aria-hidden="true">${counts.map((_, score) => html`<span>${score}</span>`)}</div>`
      },
    })
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-nps-distribution': CxNpsDistribution
  }
}

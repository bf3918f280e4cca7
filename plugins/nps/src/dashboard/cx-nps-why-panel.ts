import { CxPanel } from '@cxkit/ui'
import { Task } from '@lit/task'
import { css, html } from 'lit'
import { customElement } from 'lit/decorators.js'
import { npsGroup, scoreRange } from '../schema.js'

interface Themes {
  words: { id: string; count: number }[]
  reasons: { id: string; count: number }[]
  texts: number
}
interface Verbatims {
  total: number
  items: { responseId: number; text: string; score: number; submittedAt: string }[]
}

const detractor = npsGroup('detractor')
const promoter = npsGroup('promoter')

const texts = {
  en: {
    detractors: `${detractor.label.en} (${scoreRange(detractor)}) say`,
    promoters: `${promoter.label.en} (${scoreRange(promoter)}) say`,
    latest: 'Latest detractor comments',
    none: 'No comments in this period.',
  },
  nl: {
    detractors: `${detractor.label.nl} (${scoreRange(detractor)}) zeggen`,
    promoters: `${promoter.label.nl} (${scoreRange(promoter)}) zeggen`,
    latest: 'Laatste opmerkingen van criticasters',
    none: 'Geen opmerkingen in deze periode.',
  },
}

/** NPS+: what detractors and promoters write, and the latest detractor comments. */
@customElement('cx-nps-why-panel')
export class CxNpsWhyPanel extends CxPanel {
  static override styles = [
    ...CxPanel.styles,
    css`
      :host { display: block; }
      .columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 16px; }
      h3 { font-size: 0.85rem; margin: 0 0 6px; color: var(--_muted); font-weight: 600; }
      h3.latest { margin-top: 14px; }
      .chips { display: flex; flex-wrap: wrap; gap: 6px; }
      .chip { background: color-mix(in srgb, var(--_primary) 10%, transparent); border-radius: 999px; padding: 2px 10px; font-size: 0.85rem; }
      .chip.reason { background: color-mix(in srgb, var(--_primary) 22%, transparent); font-weight: 600; }
      ul { margin: 0; padding-left: 18px; font-size: 0.9rem; }
      li { margin-bottom: 4px; }
      .score { color: var(--_bad); font-variant-numeric: tabular-nums; margin-right: 6px; }
    `,
  ]

  private readonly data = new Task(this, {
    task: async ([workspace, from, to], { signal }) => {
      if (!workspace || !from || !to) return null
      // The survey engine reads the groups' score ranges from the nps question type.
      const base = `workspace=${encodeURIComponent(workspace)}&from=${from}&to=${to}&scoreType=nps`
      const [detractors, promoters, latest] = await Promise.all([
        this.api.get<Themes>(`/api/surveys/themes?${base}&group=${detractor.id}`, signal),
        this.api.get<Themes>(`/api/surveys/themes?${base}&group=${promoter.id}`, signal),
        this.api.get<Verbatims>(`/api/surveys/verbatims?${base}&group=${detractor.id}&limit=5`, signal),
      ])
      return { detractors, promoters, latest }
    },
    args: () => [this.workspace, this.period.from, this.period.to] as const,
  })

  private chips(themes: Themes) {
    return html`<div class="chips">
      ${themes.reasons.slice(0, 3).map((t) => html`<span class="chip reason">${t.id} · ${t.count}</span>`)}
      ${themes.words.slice(0, 6).map((t) => html`<span class="chip">“${t.id}” · ${t.count}</span>`)}
    </div>`
  }

  override render() {
    const words = texts[this.locale === 'nl' ? 'nl' : 'en']
    return html`<cx-panel-frame heading=${this.heading || 'Why'}>
      ${this.data.render({
        pending: () => html`<cx-metric-card locale=${this.locale}></cx-metric-card>`,
        complete: (data) =>
          data
            ? html`<div class="columns">
                  <div data-group=${detractor.id}><h3>${words.detractors}</h3>${this.chips(data.detractors)}</div>
                  <div data-group=${promoter.id}><h3>${words.promoters}</h3>${this.chips(data.promoters)}</div>
                </div>
                <h3 class="latest">${words.latest}</h3>
                ${
                  data.latest.items.length
                    ? html`<ul>${data.latest.items.map((item) => html`<li><span class="score">${item.score}</span>${item.text}</li>`)}</ul>`
                    : html`<p>${words.none}</p>`
                }`
            : '',
        error: (error) =>
          html`<cx-panel-error plugin="nps" locale=${this.locale} message=${String((error as Error).message ?? error)}></cx-panel-error>`,
      })}
    </cx-panel-frame>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-nps-why-panel': CxNpsWhyPanel
  }
}

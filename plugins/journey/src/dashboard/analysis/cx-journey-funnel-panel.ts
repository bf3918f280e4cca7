import { CxPanel, localizeText } from '@cxkit/ui'
import { Task } from '@lit/task'
import { html, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { journeyStyles } from '../journey-styles.js'
import { describeFailure } from '../journey-api.js'
import { analysisApi, type FunnelAsk, type FunnelResult, type WorkspaceTouchpoint } from './analysis-api.js'
import { analysisStyles } from './analysis-styles.js'
import { renderExits } from './render-exits.js'
import { renderFunnelGroups, renderFunnelSteps } from './render-funnel.js'
import './analysis-messages.js'

const byOptions = ['', 'segment', 'region', 'plan', 'week', 'month'] as const
const byLabel = {
  '': 'funnel.byNone',
  segment: 'funnel.bySegment',
  region: 'funnel.byRegion',
  plan: 'funnel.byPlan',
  week: 'funnel.byWeek',
  month: 'funnel.byMonth',
} as const

/** Funnels take at most this many steps (the route's bound). */
const maxSteps = 10

/**
 * The funnel over the workspace's stages (by default, in order) or over touchpoints the reader picks,
 * within a window, optionally split by segment, region, plan or the week or month of entering: per step
 * the customers reaching it, the conversion with its 95 % interval, the drop-off and the median time;
 * beneath it where the customers who did not finish stopped.
 */
@customElement('cx-journey-funnel-panel')
export class CxJourneyFunnelPanel extends CxPanel {
  static override styles = [...CxPanel.styles, journeyStyles, analysisStyles]

  /** The window a funnel starts with (a registry panel's `props.window`). */
  @property() accessor window = '14d'
  @state() private accessor mode: 'stages' | 'touchpoints' = 'stages'
  @state() private accessor picked: string[] = []
  @state() private accessor chosenWindow = ''
  @state() private accessor by = ''

  private readonly structure = new Task(this, {
    task: async ([workspace], { signal }) => {
      if (!workspace) return null
      const client = analysisApi(this.api)
      const [stages, touchpoints] = await Promise.all([
        client.stages(workspace, signal),
        client.touchpoints(workspace, signal),
      ])
      return { stages, touchpoints }
    },
    args: () => [this.workspace] as const,
  })

  private steps(): string[] {
    const structure = this.structure.value
    if (!structure) return []
    if (this.mode === 'stages') return structure.stages.slice(0, maxSteps).map((stage) => `stage:${stage.id}`)
    return this.picked.map((id) => `touchpoint:${id}`)
  }

  private readonly result = new Task(this, {
    task: async ([workspace, from, to, steps, window, by], { signal }) => {
      if (!workspace || !from || !to || steps.length < 2) return null
      const ask: FunnelAsk = { workspace, steps: steps.split(','), window, by: by || undefined, from, to }
      const client = analysisApi(this.api)
      const [funnel, exits] = await Promise.all([client.funnel(ask, signal), client.exits(ask, 5, signal)])
      return { funnel, exits }
    },
    args: () =>
      [
        this.workspace,
        this.period.from,
        this.period.to,
        this.steps().join(','),
        this.chosenWindow || this.window,
        this.by,
      ] as const,
  })

  private submit(event: SubmitEvent) {
    event.preventDefault()
    const data = new FormData(event.target as HTMLFormElement)
    this.chosenWindow = String(data.get('window') ?? '').trim() || this.window
    this.by = String(data.get('by') ?? '')
    this.mode = data.get('mode') === 'touchpoints' ? 'touchpoints' : 'stages'
    this.picked = data.getAll('touchpoint').map(String).slice(0, maxSteps)
  }

  private renderTouchpointPicker(touchpoints: WorkspaceTouchpoint[]) {
    return html`<fieldset>
      <legend>${this.t('journey:funnel.pickTouchpoints')}</legend>
      ${touchpoints.map(
        (touchpoint) =>
          html`<label><input type="checkbox" name="touchpoint" value=${touchpoint.id} ?checked=${this.picked.includes(touchpoint.id)}>${touchpoint.name}</label>`,
      )}
    </fieldset>`
  }

  private renderControls() {
    const structure = this.structure.value
    return html`<form class="controls" @submit=${this.submit}>
      <label>${this.t('journey:funnel.steps')}
        <select name="mode" @change=${(e: Event) => (this.mode = (e.target as HTMLSelectElement).value as 'stages' | 'touchpoints')}>
          <option value="stages" ?selected=${this.mode === 'stages'}>${this.t('journey:funnel.byStages')}</option>
          <option value="touchpoints" ?selected=${this.mode === 'touchpoints'}>${this.t('journey:funnel.byTouchpoints')}</option>
        </select></label>
      <label>${this.t('journey:funnel.window')}
        <input name="window" size="6" value=${this.chosenWindow || this.window} aria-describedby="window-hint" required></label>
      <span id="window-hint" class="muted">${this.t('journey:funnel.windowHint')}</span>
      <label>${this.t('journey:funnel.by')}
        <select name="by">${byOptions.map((by) => html`<option value=${by} ?selected=${by === this.by}>${this.t(`journey:${byLabel[by]}`)}</option>`)}</select></label>
      ${this.mode === 'touchpoints' && structure ? this.renderTouchpointPicker(structure.touchpoints) : nothing}
      <button type="submit" class="primary">${this.t('journey:funnel.apply')}</button>
    </form>`
  }

  private renderResult(result: { funnel: FunnelResult; exits: Parameters<typeof renderExits>[1] }) {
    const labels = new Map(
      (this.structure.value?.stages ?? []).map((stage) => [
        `stage:${stage.id}`,
        localizeText({ en: stage.labelEn, nl: stage.labelNl ?? undefined }, this.locale),
      ]),
    )
    const name = (step: FunnelResult['steps'][number]) => labels.get(step.step) ?? step.name
    return html`${renderFunnelSteps(this.i18n, result.funnel, name)}
      ${result.funnel.by ? renderFunnelGroups(this.i18n, result.funnel, name) : nothing}
      ${renderExits(this.i18n, result.exits)}`
  }

  override render() {
    const structure = this.structure.value
    const tooFew =
      structure && this.steps().length < 2
        ? html`<p class="muted">${this.t(this.mode === 'stages' ? 'journey:funnel.noStages' : 'journey:funnel.needTwo')}</p>`
        : nothing
    return html`<cx-panel-frame heading=${this.heading || this.t('journey:funnel.heading')}>
      ${this.renderControls()} ${tooFew}
      ${this.result.render({
        pending: () => html`<p class="muted">${this.t('panel.loading')}</p>`,
        complete: (result) => (result ? this.renderResult(result) : nothing),
        error: (error) =>
          html`<p class="errors" role="alert">${this.t('journey:failed', { message: describeFailure(error) })}</p>`,
      })}
    </cx-panel-frame>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-journey-funnel-panel': CxJourneyFunnelPanel
  }
}

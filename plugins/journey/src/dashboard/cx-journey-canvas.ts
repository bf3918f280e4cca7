import { CxDashboardElement, elementStyles, localizeText } from '@cxkit/ui'
import { css, html, nothing, svg } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import {
  emotionRange,
  type MapChannel,
  type MapStage,
  type MapTouchpoint,
  type StageContent,
  type TextLane,
  textLanes,
} from '../map-model.js'
import { openEvents, openResponses } from './analysis/touchpoint-link.js'
import { channelName } from './channel-name.js'
import type { CxJourneyItems, ItemActionDetail } from './cx-journey-items.js'
import { editLane, type ItemEdit, moveTouchpoint, touchpointsOfStage } from './edit-content.js'
import { journeyStyles } from './journey-styles.js'
import './cx-journey-items.js'

/** The emotions a stage can have, highest first: the order they are drawn from top to bottom. */
const emotions = Array.from({ length: emotionRange.max - emotionRange.min + 1 }, (_, i) => emotionRange.max - i)
const signed = (emotion: number) => (emotion > 0 ? `+${emotion}` : emotion < 0 ? `−${-emotion}` : '0')

/**
 * The editable map: stages as columns, lanes as rows (actions, motivations, questions, pain points,
 * emotion with a line through the stages, touchpoints). It edits nothing itself: each change leaves as a
 * `content-change` event carrying every stage's content, and the page decides what to keep. Each
 * touchpoint links to its events and survey responses and asks to be edited (`touchpoint-edit`); each
 * stage's header links to the stage's responses.
 */
@customElement('cx-journey-canvas')
export class CxJourneyCanvas extends CxDashboardElement {
  static override styles = [
    ...CxDashboardElement.styles,
    journeyStyles,
    css`
      :host { display: block; --row: 1.7rem; --lane-title: 1.5rem; }
      .scroll { overflow-x: auto; border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_surface); }
      table { border-collapse: collapse; table-layout: fixed; }
      th, td { border-bottom: 1px solid var(--_border); padding: 8px; vertical-align: top; text-align: left; }
      thead th { background: color-mix(in srgb, var(--_primary) 9%, var(--_surface)); font-size: 0.95rem; }
      th[scope='row'] { font-size: 0.85rem; color: var(--_muted); }
      col.lane { width: 9rem; }
      col.stage { width: 15rem; }
      .lane-title { display: block; height: var(--lane-title); }
      .scale { list-style: none; margin: 0; padding: 0; }
      .scale li { height: var(--row); line-height: var(--row); font-size: 0.8rem; }
      .emotions { position: relative; display: grid; margin-top: var(--lane-title); }
      .emotions svg { position: absolute; inset: 0 0 auto 0; width: 100%; height: calc(var(--row) * ${emotions.length}); pointer-events: none; overflow: visible; }
      .emotions polyline { fill: none; stroke: var(--_primary); stroke-width: 2.5; vector-effect: non-scaling-stroke; }
      .emotions line { stroke: var(--_border); stroke-dasharray: 4 4; vector-effect: non-scaling-stroke; }
      fieldset { border: none; margin: 0; padding: 0; display: grid; justify-items: center; }
      fieldset label { height: var(--row); display: flex; align-items: center; justify-content: center; position: relative; z-index: 1; }
      fieldset input { margin: 0; width: 1rem; height: 1rem; accent-color: var(--_primary); }
      .none { font-size: 0.75rem; color: var(--_muted); gap: 4px; }
      .empty { font-size: 0.8rem; color: var(--_muted); margin: 0 0 4px; }
      thead button.link { display: block; padding: 0; border: none; background: none; font-size: 0.75rem; font-weight: 400; color: var(--_primary); text-decoration: underline; }
    `,
  ]

  @property({ attribute: false }) accessor stages: MapStage[] = []
  @property({ attribute: false }) accessor content: StageContent[] = []
  @property({ attribute: false }) accessor touchpoints: MapTouchpoint[] = []
  @property({ attribute: false }) accessor channels: MapChannel[] = []
  @property() accessor name = ''
  /** Whether survey responses can be listed (the surveys plugin is enabled): without it, no links to them. */
  @property({ attribute: false }) accessor responses = true

  private change(content: StageContent[]) {
    this.dispatchEvent(new CustomEvent('content-change', { detail: content, bubbles: true, composed: true }))
  }

  private stageLabel(stage: MapStage) {
    return localizeText(stage.label, this.locale)
  }

  private laneName(lane: TextLane | 'emotion' | 'touchpoints') {
    return this.t(`journey:lane.${lane}`)
  }

  private renderTextLane(lane: TextLane) {
    return html`<tr data-lane=${lane}><th scope="row">${this.laneName(lane)}</th>
      ${this.stages.map((stage, column) => {
        const items = this.content[column]?.[lane] ?? []
        return html`<td><cx-journey-items editable data-stage=${stage.id} lane=${this.laneName(lane)} stage=${this.stageLabel(stage)}
          label=${this.t('journey:itemsLabel', { lane: this.laneName(lane), stage: this.stageLabel(stage) })}
          .items=${items.map((text, index) => ({ key: `${index}`, text }))}
          @item-edit=${(e: CustomEvent<ItemEdit>) => this.change(editLane(this.content, stage.id, lane, e.detail))}></cx-journey-items></td>`
      })}</tr>`
  }

  private setEmotion(stageId: string, emotion: number | null) {
    this.change(this.content.map((stage) => (stage.stageId === stageId ? { ...stage, emotion } : stage)))
  }

  /** The emotion line: through the chosen value of each judged stage, broken where a stage is not judged. */
  private renderEmotionLine() {
    const width = this.stages.length * 100
    const runs: string[][] = [[]]
    this.content.forEach((stage, column) => {
      if (stage.emotion === null) runs.push([])
      else runs.at(-1)!.push(`${column * 100 + 50},${(emotionRange.max - stage.emotion) * 100 + 50}`)
    })
    const zero = emotionRange.max * 100 + 50
    return html`<svg viewBox="0 0 ${width} ${emotions.length * 100}" preserveAspectRatio="none" aria-hidden="true">
      ${svg`<line x1="0" x2=${width} y1=${zero} y2=${zero}></line>`}
      ${runs.filter((run) => run.length > 1).map((run) => svg`<polyline points=${run.join(' ')}></polyline>`)}</svg>`
  }

  private renderEmotionLane() {
    return html`<tr data-lane="emotion"><th scope="row"><span class="lane-title">${this.laneName('emotion')}</span>
        <ul class="scale" aria-hidden="true">${emotions.map((emotion) => html`<li>${signed(emotion)}</li>`)}</ul></th>
      <td colspan=${this.stages.length}>
        <div class="emotions" ${elementStyles({ 'grid-template-columns': `repeat(${this.stages.length}, 1fr)` })}>
          ${this.renderEmotionLine()}
          ${this.stages.map((stage, column) => {
            const chosen = this.content[column]?.emotion ?? null
            const name = `emotion-${stage.id}`
            return html`<fieldset data-stage=${stage.id}><legend class="sr-only">${this.t('journey:emotionIn', { stage: this.stageLabel(stage) })}</legend>
              ${emotions.map(
                (emotion) => html`<label title=${`${signed(emotion)} ${this.t(`journey:emotion.${emotion}`)}`}>
                  <input type="radio" name=${name} value=${emotion} .checked=${chosen === emotion}
                    @change=${() => this.setEmotion(stage.id, emotion)}>
                  <span class="sr-only">${signed(emotion)} ${this.t(`journey:emotion.${emotion}`)}</span></label>`,
              )}
              <label class="none"><input type="radio" name=${name} value="" .checked=${chosen === null}
                @change=${() => this.setEmotion(stage.id, null)}>${this.t('journey:emotion.none')}</label>
            </fieldset>`
          })}
        </div></td></tr>`
  }

  /** A touchpoint's links: its events and responses (the page lists them), and its edit dialog. */
  private onTouchpointAction(detail: ItemActionDetail) {
    const touchpoint = this.touchpoints.find((candidate) => candidate.id === detail.key)
    if (!touchpoint) return
    const { id, name } = touchpoint
    if (detail.action === 'events') openEvents(this, { id, name })
    else if (detail.action === 'responses') openResponses(this, { kind: 'touchpoint', id, name })
    else this.dispatchEvent(new CustomEvent('touchpoint-edit', { detail: { id }, bubbles: true, composed: true }))
  }

  /** Focuses a touchpoint's edit button, wherever its lane now is: where focus returns after an edit. */
  async focusTouchpoint(id: string) {
    await this.updateComplete
    for (const items of this.renderRoot.querySelectorAll<CxJourneyItems>(
      'tr[data-lane=touchpoints] cx-journey-items',
    )) {
      await items.updateComplete
      const button = items.renderRoot.querySelector<HTMLElement>(
        `li[data-key="${CSS.escape(id)}"] button[data-action=edit]`,
      )
      if (button) return button.focus()
    }
  }

  private touchpointActions(name: string) {
    const responses = {
      id: 'responses',
      text: this.t('journey:links.responsesText'),
      label: this.t('journey:links.responsesAt', { name }),
    }
    return [
      { id: 'events', text: this.t('journey:links.eventsText'), label: this.t('journey:links.show', { name }) },
      ...(this.responses ? [responses] : []),
      { id: 'edit', text: this.t('journey:tp.edit'), label: this.t('journey:tp.editLabel', { name }) },
    ]
  }

  private renderTouchpointLane() {
    return html`<tr data-lane="touchpoints"><th scope="row">${this.laneName('touchpoints')}</th>
      ${this.stages.map((stage, column) => {
        const content = this.content[column]
        const touchpoints = content ? touchpointsOfStage(content, this.touchpoints) : []
        return html`<td>${touchpoints.length === 0 ? html`<p class="empty">${this.t('journey:noTouchpoints')}</p>` : nothing}
          <cx-journey-items data-stage=${stage.id} lane=${this.laneName('touchpoints')} stage=${this.stageLabel(stage)}
            label=${this.t('journey:touchpointsIn', { stage: this.stageLabel(stage) })}
            .items=${touchpoints.map((tp) => ({
              key: tp.id,
              text: tp.name,
              detail: [
                channelName(this.channels, tp.channel, this.locale),
                tp.ownerTeam ? this.t('journey:owner', { team: tp.ownerTeam }) : '',
              ]
                .filter(Boolean)
                .join(' · '),
              actions: this.touchpointActions(tp.name),
            }))}
            @item-action=${(e: CustomEvent<ItemActionDetail>) => this.onTouchpointAction(e.detail)}
            @item-edit=${(e: CustomEvent<ItemEdit>) => {
              if (e.detail.kind === 'move')
                this.change(moveTouchpoint(this.content, this.touchpoints, stage.id, e.detail))
            }}></cx-journey-items></td>`
      })}</tr>`
  }

  override render() {
    if (this.stages.length === 0) return html`<p class="muted">${this.t('journey:noStages')}</p>`
    return html`<div class="scroll"><table aria-label=${this.t('journey:canvas', { name: this.name })}>
      <colgroup><col class="lane">${this.stages.map(() => html`<col class="stage">`)}</colgroup>
      <thead><tr><th scope="col"><span class="sr-only">${this.t('journey:stage')}</span></th>
        ${this.stages.map((stage) => {
          const name = this.stageLabel(stage)
          return html`<th scope="col" data-stage=${stage.id}>${name}
            ${
              this.responses
                ? html`<button type="button" class="link" data-responses-link=${`stage:${stage.id}`} aria-label=${this.t('journey:links.responsesIn', { stage: name })}
              @click=${() => openResponses(this, { kind: 'stage', id: stage.id, name })}>${this.t('journey:links.responsesText')}</button>`
                : ''
            }</th>`
        })}</tr></thead>
      <tbody>${textLanes.map((lane) => this.renderTextLane(lane))}${this.renderEmotionLane()}${this.renderTouchpointLane()}</tbody>
    </table></div>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-journey-canvas': CxJourneyCanvas
  }
}

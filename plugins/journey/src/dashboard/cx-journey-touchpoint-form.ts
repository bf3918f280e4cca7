import { CxDashboardElement, localizeText } from '@cxkit/ui'
import { css, html } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import type { MapChannel, MapStage } from '../map-model.js'
import type { NewTouchpoint } from './journey-api.js'
import { journeyStyles } from './journey-styles.js'

/**
 * The "add touchpoint" form under the map: id, name, channel, stage and owner team. It fires
 * `touchpoint-submit` with the new touchpoint; the page sends it and says how it went.
 */
@customElement('cx-journey-touchpoint-form')
export class CxJourneyTouchpointForm extends CxDashboardElement {
  static override styles = [
    ...CxDashboardElement.styles,
    journeyStyles,
    css`
      form { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: end; }
      fieldset { border: 1px solid var(--_border); border-radius: var(--_radius); padding: 8px 12px 12px; margin: 0; }
      legend { font-weight: 600; padding: 0 4px; }
      label { flex-direction: column; align-items: flex-start; gap: 2px; font-size: 0.85rem; }
    `,
  ]

  @property({ attribute: false }) accessor stages: MapStage[] = []
  /** The channels the server knows (`channels` of the map view). */
  @property({ attribute: false }) accessor channels: MapChannel[] = []
  @property({ type: Boolean }) accessor busy = false

  private submit(event: SubmitEvent) {
    event.preventDefault()
    const form = event.target as HTMLFormElement
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value.trim()
    const ownerTeam = value('ownerTeam')
    const touchpoint: NewTouchpoint = {
      id: value('id'),
      name: value('name'),
      channel: value('channel'),
      stageId: value('stageId'),
      ...(ownerTeam ? { ownerTeam } : {}),
    }
    this.dispatchEvent(
      new CustomEvent('touchpoint-submit', { detail: { touchpoint, form }, bubbles: true, composed: true }),
    )
  }

  override render() {
    return html`<fieldset><legend>${this.t('journey:addTouchpoint')}</legend>
      <form @submit=${this.submit}>
        <label>${this.t('journey:touchpointId')}<input name="id" required pattern="[a-z0-9][a-z0-9\\-]*" autocomplete="off"></label>
        <label>${this.t('journey:touchpointName')}<input name="name" required></label>
        <label>${this.t('journey:channel')}<select name="channel">
          ${this.channels.map((channel) => html`<option value=${channel.id}>${localizeText(channel.label, this.locale)}</option>`)}</select></label>
        <label>${this.t('journey:stage')}<select name="stageId">
          ${this.stages.map((stage) => html`<option value=${stage.id}>${localizeText(stage.label, this.locale)}</option>`)}</select></label>
        <label>${this.t('journey:ownerTeam')} ${this.t('journey:optional')}<input name="ownerTeam"></label>
        <button type="submit" ?disabled=${this.busy}>${this.t('journey:addTouchpoint')}</button>
      </form></fieldset>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-journey-touchpoint-form': CxJourneyTouchpointForm
  }
}

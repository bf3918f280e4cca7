import { CxDashboardElement } from '@cxkit/ui'
import { css, html } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import type { MapSummary } from '../map-model.js'
import { journeyStyles } from './journey-styles.js'

/** What the form hands over: a new map's id and details, or an existing map's changed details. */
export interface MapFormDetail {
  id: string
  name: string
  persona: string | null
  segment: string | null
}

/**
 * The form for a map's id, name, persona and segment: a new map, or with `map` set, the details of an
 * existing one (its id stays). Fires `map-submit` with {@link MapFormDetail}, or `map-cancel`.
 */
@customElement('cx-journey-map-form')
export class CxJourneyMapForm extends CxDashboardElement {
  static override styles = [
    ...CxDashboardElement.styles,
    journeyStyles,
    css`
      form { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: end; margin: 8px 0 16px; }
      label { flex-direction: column; align-items: flex-start; gap: 2px; font-size: 0.85rem; }
    `,
  ]

  /** The map whose details are edited; unset for a new map. */
  @property({ attribute: false }) accessor map: MapSummary | undefined

  private submit(event: SubmitEvent) {
    event.preventDefault()
    const form = event.target as HTMLFormElement
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim()
    const detail: MapFormDetail = {
      id: this.map?.id ?? value('id'),
      name: value('name'),
      persona: value('persona') || null,
      segment: value('segment') || null,
    }
    this.dispatchEvent(new CustomEvent('map-submit', { detail, bubbles: true, composed: true }))
  }

  override render() {
    const map = this.map
    return html`<form @submit=${this.submit} aria-label=${this.t(map ? 'journey:editDetails' : 'journey:newMap')}>
      <label>${this.t('journey:mapName')}<input name="name" required .value=${map?.name ?? ''}></label>
      ${map ? '' : html`<label>${this.t('journey:mapId')}<input name="id" required pattern="[a-z0-9][a-z0-9\\-]*" autocomplete="off"></label>`}
      <label>${this.t('journey:persona')} ${this.t('journey:optional')}<input name="persona" .value=${map?.persona ?? ''}></label>
      <label>${this.t('journey:segment')} ${this.t('journey:optional')}<input name="segment" .value=${map?.segment ?? ''}></label>
      <button type="submit" class="primary">${this.t(map ? 'journey:saveDetails' : 'journey:create')}</button>
      <button type="button" @click=${() => this.dispatchEvent(new CustomEvent('map-cancel', { bubbles: true, composed: true }))}>${this.t('journey:cancel')}</button>
    </form>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-journey-map-form': CxJourneyMapForm
  }
}

import { CxDashboardElement } from '@cxkit/ui'
import { css, html } from 'lit'
import { customElement } from 'lit/decorators.js'
import { journeyStyles } from './journey-styles.js'

/** The "new map" form: id, name, persona and segment. Fires `map-submit` with them, or `map-cancel`. */
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

  private submit(event: SubmitEvent) {
    event.preventDefault()
    const form = event.target as HTMLFormElement
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim()
    const optional = (name: string) => (value(name) ? { [name]: value(name) } : {})
    const detail = { id: value('id'), name: value('name'), ...optional('persona'), ...optional('segment') }
    this.dispatchEvent(new CustomEvent('map-submit', { detail, bubbles: true, composed: true }))
  }

  override render() {
    return html`<form @submit=${this.submit} aria-label=${this.t('journey:newMap')}>
      <label>${this.t('journey:mapName')}<input name="name" required></label>
      <label>${this.t('journey:mapId')}<input name="id" required pattern="[a-z0-9][a-z0-9\\-]*" autocomplete="off"></label>
      <label>${this.t('journey:persona')} ${this.t('journey:optional')}<input name="persona"></label>
      <label>${this.t('journey:segment')} ${this.t('journey:optional')}<input name="segment"></label>
      <button type="submit" class="primary">${this.t('journey:create')}</button>
      <button type="button" @click=${() => this.dispatchEvent(new CustomEvent('map-cancel', { bubbles: true, composed: true }))}>${this.t('journey:cancel')}</button>
    </form>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-journey-map-form': CxJourneyMapForm
  }
}

import { html } from 'lit'

/** What a touchpoint link carries up to the Journey page: which touchpoint to list the events of. */
export interface TouchpointLinkDetail {
  id: string
  name: string
}

/**
 * A touchpoint's name as a button that asks the Journey page for its latest events (the
 * `journey-touchpoint` event crosses shadow roots). Panels draw it only where the page listens.
 *
 * @example
 * html`${this.linked ? touchpointLink(this, t.id, t.name) : t.name}`
 */
export function touchpointLink(host: HTMLElement, id: string, name: string, label: string) {
  const open = () =>
    host.dispatchEvent(
      new CustomEvent<TouchpointLinkDetail>('journey-touchpoint', {
        detail: { id, name },
        bubbles: true,
        composed: true,
      }),
    )
  return html`<button type="button" class="link" data-touchpoint-link=${id} title=${label} @click=${open}>${name}</button>`
}

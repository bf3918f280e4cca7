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
  return html`<button type="button" class="link" data-touchpoint-link=${id} title=${label}
    @click=${() => openEvents(host, { id, name })}>${name}</button>`
}

/** What a responses link carries up to the Journey page: whose survey responses to list. */
export interface ResponsesLinkDetail {
  kind: 'touchpoint' | 'stage'
  id: string
  name: string
}

/** Asks the Journey page (`journey-responses`, across shadow roots) to list a touchpoint's or a stage's responses. */
export function openResponses(host: HTMLElement, detail: ResponsesLinkDetail) {
  host.dispatchEvent(
    new CustomEvent<ResponsesLinkDetail>('journey-responses', { detail, bubbles: true, composed: true }),
  )
}

/** Asks the Journey page for a touchpoint's latest events, as {@link touchpointLink}'s button does. */
export function openEvents(host: HTMLElement, detail: TouchpointLinkDetail) {
  host.dispatchEvent(
    new CustomEvent<TouchpointLinkDetail>('journey-touchpoint', { detail, bubbles: true, composed: true }),
  )
}

/**
 * A button that asks the Journey page for a touchpoint's or a stage's survey responses.
 *
 * @example
 * html`${responsesLink(this, { kind: 'touchpoint', id: t.id, name: t.name }, 'n = 12', 'Responses at Checkout')}`
 */
export function responsesLink(host: HTMLElement, detail: ResponsesLinkDetail, text: unknown, label: string) {
  return html`<button type="button" class="link" data-responses-link=${`${detail.kind}:${detail.id}`} aria-label=${label} title=${label}
    @click=${() => openResponses(host, detail)}>${text}</button>`
}

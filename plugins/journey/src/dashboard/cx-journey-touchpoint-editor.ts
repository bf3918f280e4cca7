import { CxDashboardElement, localizeText } from '@cxkit/ui'
import { css, html, nothing } from 'lit'
import { customElement, property, query, state } from 'lit/decorators.js'
import type { MapChannel, MapStage, MapTouchpoint } from '../map-model.js'
import { focusedElement } from './focus-return.js'
import { describeFailure, journeyApi, type TouchpointChanges, type TouchpointReference } from './journey-api.js'
import { journeyStyles } from './journey-styles.js'

/** What `touchpoints-changed` carries: a notice for the page, and which touchpoint changed or went. */
export interface TouchpointsChanged {
  notice: string
  id: string
  removed: boolean
}

/** Tables whose rows have words of their own in the confirmation; any other is named as it is. */
const namedTables = new Set(['surveys_responses', 'surveys_answer_rollups', 'journey_events', 'surveys_surveys'])

/**
 * A dialog to change a touchpoint (name, stage, channel, owner team, description) or remove it. Removal
 * first reads what refers to the touchpoint and says so: the server refuses to remove one that survey
 * responses, journey events or other rows still name. Each change that lands fires
 * `touchpoints-changed` with a notice for the page; focus goes back to where it was when the dialog opened.
 */
@customElement('cx-journey-touchpoint-editor')
export class CxJourneyTouchpointEditor extends CxDashboardElement {
  static override styles = [
    ...CxDashboardElement.styles,
    journeyStyles,
    css`
      dialog { border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_surface); color: inherit; padding: 16px 20px; max-width: 32rem; }
      dialog::backdrop { background: rgb(0 0 0 / 0.35); }
      h2 { font-size: 1.1rem; margin: 0 0 12px; }
      form { display: grid; gap: 10px; }
      label { flex-direction: column; align-items: stretch; gap: 2px; font-size: 0.85rem; }
      textarea { font: inherit; padding: 4px 6px; border: 1px solid var(--_border); border-radius: 6px; background: var(--_surface); color: inherit; }
      .buttons { display: flex; flex-wrap: wrap; gap: 8px; justify-content: flex-end; margin-top: 8px; }
      .buttons .danger { margin-right: auto; color: var(--_bad); border-color: var(--_bad); }
    `,
  ]

  @property({ attribute: false }) accessor stages: MapStage[] = []
  @property({ attribute: false }) accessor channels: MapChannel[] = []

  @state() private accessor touchpoint: MapTouchpoint | undefined
  @state() private accessor step: 'edit' | 'remove' = 'edit'
  @state() private accessor references: TouchpointReference[] | undefined
  @state() private accessor failure = ''
  @state() private accessor busy = false
  @query('dialog') private accessor dialog!: HTMLDialogElement
  private opener: HTMLElement | null = null

  private get client() {
    return journeyApi(this.api)
  }

  /** Opens the dialog on a touchpoint; focus returns to the element focused now when it closes. */
  async open(touchpoint: MapTouchpoint) {
    this.opener = focusedElement()
    this.touchpoint = touchpoint
    this.step = 'edit'
    this.references = undefined
    this.failure = ''
    await this.updateComplete
    this.renderRoot.querySelector('form')?.reset()
    if (!this.dialog.open) this.dialog.showModal()
    this.renderRoot.querySelector<HTMLInputElement>('input[name=name]')?.focus()
  }

  private closeDialog() {
    this.dialog.close()
  }

  private readonly onClose = () => {
    this.touchpoint = undefined
    this.opener?.focus()
    this.opener = null
  }

  private async run(work: () => Promise<string>, removed: boolean) {
    const id = this.touchpoint?.id
    this.busy = true
    this.failure = ''
    try {
      const notice = await work()
      this.closeDialog()
      const detail: TouchpointsChanged = { notice, id: id ?? '', removed }
      this.dispatchEvent(new CustomEvent('touchpoints-changed', { detail, bubbles: true, composed: true }))
    } catch (error) {
      this.failure = this.t('journey:failed', { message: describeFailure(error) })
    } finally {
      this.busy = false
    }
  }

  private save(event: SubmitEvent) {
    event.preventDefault()
    const touchpoint = this.touchpoint
    if (!touchpoint) return
    const form = event.target as HTMLFormElement
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim()
    const changes: TouchpointChanges = {
      name: value('name'),
      stageId: value('stageId'),
      channel: value('channel'),
      ownerTeam: value('ownerTeam') || null,
      description: value('description') || null,
    }
    return this.run(async () => {
      await this.client.changeTouchpoint(this.workspace, touchpoint.id, changes)
      return this.t('journey:tp.saved', { name: changes.name ?? touchpoint.name })
    }, false)
  }

  private async askRemove() {
    const touchpoint = this.touchpoint
    if (!touchpoint) return
    this.step = 'remove'
    this.failure = ''
    try {
      this.references = await this.client.touchpointReferences(this.workspace, touchpoint.id)
    } catch (error) {
      this.failure = this.t('journey:failed', { message: describeFailure(error) })
    }
    await this.updateComplete
    this.renderRoot.querySelector<HTMLElement>('[data-step=remove] button')?.focus()
  }

  private removeTouchpoint() {
    const touchpoint = this.touchpoint
    if (!touchpoint) return
    return this.run(async () => {
      await this.client.removeTouchpoint(this.workspace, touchpoint.id)
      return this.t('journey:tp.removed', { name: touchpoint.name })
    }, true)
  }

  private describeReferences(references: TouchpointReference[]) {
    return references
      .map((ref) =>
        namedTables.has(ref.table)
          ? this.t(`journey:ref.${ref.table}`, { n: ref.rows })
          : this.t('journey:ref.other', { n: ref.rows, table: ref.table }),
      )
      .join(', ')
  }

  private renderEdit(touchpoint: MapTouchpoint) {
    return html`<form @submit=${this.save}>
      <label>${this.t('journey:touchpointName')}<input name="name" required maxlength="200" .defaultValue=${touchpoint.name}></label>
      <label>${this.t('journey:stage')}<select name="stageId">
        ${this.stages.map((stage) => html`<option value=${stage.id} ?selected=${stage.id === touchpoint.stageId}>${localizeText(stage.label, this.locale)}</option>`)}</select></label>
      <label>${this.t('journey:channel')}<select name="channel">
        ${this.channels.map((channel) => html`<option value=${channel.id} ?selected=${channel.id === touchpoint.channel}>${localizeText(channel.label, this.locale)}</option>`)}</select></label>
      <label>${this.t('journey:ownerTeam')} ${this.t('journey:optional')}<input name="ownerTeam" maxlength="200" .defaultValue=${touchpoint.ownerTeam ?? ''}></label>
      <label>${this.t('journey:tp.description')} ${this.t('journey:optional')}<textarea name="description" rows="3" maxlength="2000" .defaultValue=${touchpoint.description ?? ''}></textarea></label>
      <div class="buttons">
        <button type="button" class="danger" ?disabled=${this.busy} @click=${this.askRemove}>${this.t('journey:tp.remove')}</button>
        <button type="button" @click=${this.closeDialog}>${this.t('journey:cancel')}</button>
        <button type="submit" class="primary" ?disabled=${this.busy}>${this.t('journey:save')}</button>
      </div>
    </form>`
  }

  private renderRemove(touchpoint: MapTouchpoint) {
    const references = this.references
    if (!references)
      return html`<p class="muted" data-step="remove">${this.failure ? '' : this.t('journey:tp.checking')}</p>
      <div class="buttons"><button type="button" @click=${() => (this.step = 'edit')}>${this.t('journey:cancel')}</button></div>`
    const free = references.length === 0
    return html`<div data-step="remove">
      <p data-references=${references.reduce((sum, ref) => sum + ref.rows, 0)}>${
        free
          ? this.t('journey:tp.unreferenced', { name: touchpoint.name })
          : this.t('journey:tp.referenced', { name: touchpoint.name, list: this.describeReferences(references) })
      }</p>
      <div class="buttons">
        ${free ? html`<button type="button" class="primary" ?disabled=${this.busy} @click=${this.removeTouchpoint}>${this.t('journey:tp.removeConfirm')}</button>` : nothing}
        <button type="button" @click=${() => (this.step = 'edit')}>${this.t(free ? 'journey:cancel' : 'journey:tp.back')}</button>
      </div></div>`
  }

  override render() {
    const touchpoint = this.touchpoint
    return html`<dialog aria-labelledby="touchpoint-heading" @close=${this.onClose}>
      ${
        touchpoint
          ? html`<h2 id="touchpoint-heading">${this.t('journey:tp.heading', { name: touchpoint.name })}</h2>
            ${this.failure ? html`<p class="errors" role="alert">${this.failure}</p>` : nothing}
            ${this.step === 'edit' ? this.renderEdit(touchpoint) : this.renderRemove(touchpoint)}`
          : nothing
      }
    </dialog>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-journey-touchpoint-editor': CxJourneyTouchpointEditor
  }
}

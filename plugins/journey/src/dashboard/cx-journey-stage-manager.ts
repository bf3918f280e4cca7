import { CxDashboardElement, localizeText } from '@cxkit/ui'
import { css, html, nothing } from 'lit'
import { customElement, property, query, state } from 'lit/decorators.js'
import type { ItemActionDetail, ListedItem } from './cx-journey-items.js'
import { applyItemEdit, type ItemEdit } from './edit-content.js'
import { focusedElement } from './focus-return.js'
import { describeFailure, journeyApi, type WorkspaceStage } from './journey-api.js'
import { journeyStyles } from './journey-styles.js'
import './cx-journey-items.js'

/**
 * The workspace's stages, managed: reorder them (keyboard or drag, the map's own item list does it and
 * the order is saved at once), rename one in English and Dutch, remove one (moving its touchpoints to
 * another stage; a stage that surveys or answers name is refused by the server, which says why), add one.
 * Every change that lands fires `stages-changed` with a notice, so the page can show the map again.
 */
@customElement('cx-journey-stage-manager')
export class CxJourneyStageManager extends CxDashboardElement {
  static override styles = [
    ...CxDashboardElement.styles,
    journeyStyles,
    css`
      fieldset { border: 1px solid var(--_border); border-radius: var(--_radius); padding: 8px 12px 12px; margin: 0; }
      legend { font-weight: 600; padding: 0 4px; }
      cx-journey-items { display: block; max-width: 28rem; margin: 4px 0 12px; }
      .hint { font-size: 0.85rem; margin: 0 0 4px; }
      form.add { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: end; }
      form.add label, dialog label { flex-direction: column; align-items: flex-start; gap: 2px; font-size: 0.85rem; }
      dialog { border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_surface); color: inherit; padding: 16px 20px; max-width: 32rem; }
      dialog::backdrop { background: rgb(0 0 0 / 0.35); }
      dialog h2 { font-size: 1.1rem; margin: 0 0 12px; }
      dialog form { display: grid; gap: 10px; }
      .buttons { display: flex; gap: 8px; justify-content: flex-end; margin-top: 8px; }
    `,
  ]

  /** Changed by the page when touchpoints move, so the counts are read again. */
  @property({ type: Number }) accessor revision = 0

  @state() private accessor stages: WorkspaceStage[] = []
  @state() private accessor failure = ''
  @state() private accessor busy = false
  /** The stage the dialog is about, and what it does with it. */
  @state() private accessor dialogFor: { stage: WorkspaceStage; step: 'rename' | 'remove' } | undefined
  @state() private accessor dialogFailure = ''
  @query('dialog') private accessor dialog!: HTMLDialogElement
  private opener: HTMLElement | null = null
  private loadedFor = ''

  private get client() {
    return journeyApi(this.api)
  }

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    const key = `${this.workspace}#${this.revision}`
    if (
      (changed.has('workspace') || changed.has('api') || changed.has('revision')) &&
      this.workspace &&
      key !== this.loadedFor
    ) {
      this.loadedFor = key
      void this.load()
    }
  }

  private async load() {
    try {
      this.stages = await this.client.stages(this.workspace)
    } catch (error) {
      this.failure = this.t('journey:failed', { message: describeFailure(error) })
    }
  }

  private label(stage: WorkspaceStage) {
    return localizeText(stage.label, this.locale)
  }

  private changed(notice: string) {
    this.dispatchEvent(new CustomEvent('stages-changed', { detail: { notice }, bubbles: true, composed: true }))
  }

  /** Moves a stage on screen at once, then saves the whole order; a refusal puts the server's order back. */
  private async reorder(edit: ItemEdit) {
    if (edit.kind !== 'move') return
    const before = this.stages
    this.stages = applyItemEdit(before, edit)
    this.failure = ''
    try {
      this.stages = await this.client.orderStages(
        this.workspace,
        this.stages.map((stage) => stage.id),
      )
      this.changed(this.t('journey:stages.ordered'))
    } catch (error) {
      this.failure = this.t('journey:failed', { message: describeFailure(error) })
      await this.load()
    }
  }

  private async openDialog(detail: ItemActionDetail) {
    const stage = this.stages.find((candidate) => candidate.id === detail.key)
    if (!stage) return
    this.opener = focusedElement()
    this.dialogFor = { stage, step: detail.action === 'remove' ? 'remove' : 'rename' }
    this.dialogFailure = ''
    await this.updateComplete
    this.renderRoot.querySelector<HTMLFormElement>('dialog form')?.reset()
    if (!this.dialog.open) this.dialog.showModal()
    this.dialog.querySelector<HTMLElement>('input, select, button.primary')?.focus()
  }

  private readonly onDialogClose = () => {
    this.dialogFor = undefined
    this.opener?.focus()
    this.opener = null
  }

  private async runDialog(work: () => Promise<string>) {
    this.busy = true
    this.dialogFailure = ''
    try {
      const notice = await work()
      this.dialog.close()
      await this.load()
      this.changed(notice)
    } catch (error) {
      this.dialogFailure = this.t('journey:failed', { message: describeFailure(error) })
      await this.updateComplete
      this.dialog.querySelector<HTMLElement>('[role=alert]')?.focus()
    } finally {
      this.busy = false
    }
  }

  private rename(event: SubmitEvent, stage: WorkspaceStage) {
    event.preventDefault()
    const form = event.target as HTMLFormElement
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim()
    const en = value('en')
    const nl = value('nl')
    return this.runDialog(async () => {
      const renamed = await this.client.relabelStage(this.workspace, stage.id, { en, nl: nl || null })
      return this.t('journey:stages.renamed', { name: this.label(renamed) })
    })
  }

  private removeStage(event: SubmitEvent, stage: WorkspaceStage) {
    event.preventDefault()
    const form = event.target as HTMLFormElement
    const moveTo = (form.elements.namedItem('moveTo') as HTMLSelectElement | null)?.value
    return this.runDialog(async () => {
      await this.client.removeStage(this.workspace, stage.id, stage.touchpointCount > 0 ? moveTo : undefined)
      return this.t('journey:stages.removed', { stage: this.label(stage) })
    })
  }

  private async add(event: SubmitEvent) {
    event.preventDefault()
    const form = event.target as HTMLFormElement
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim()
    const nl = value('nl')
    const after = value('after')
    this.busy = true
    this.failure = ''
    try {
      const stage = await this.client.addStage(this.workspace, {
        id: value('id'),
        label: { en: value('en'), ...(nl ? { nl } : {}) },
        ...(after ? { after } : {}),
      })
      form.reset()
      await this.load()
      this.changed(this.t('journey:stages.added', { name: this.label(stage) }))
    } catch (error) {
      this.failure = this.t('journey:failed', { message: describeFailure(error) })
    } finally {
      this.busy = false
    }
  }

  private items(): ListedItem[] {
    return this.stages.map((stage) => {
      const name = this.label(stage)
      return {
        key: stage.id,
        text: name,
        detail: this.t('journey:stages.touchpoints', { n: stage.touchpointCount }),
        actions: [
          {
            id: 'rename',
            text: this.t('journey:stages.rename'),
            label: this.t('journey:stages.renameLabel', { stage: name }),
          },
          {
            id: 'remove',
            text: this.t('journey:stages.remove'),
            label: this.t('journey:stages.removeLabel', { stage: name }),
          },
        ],
      }
    })
  }

  private renderDialogBody() {
    const open = this.dialogFor
    if (!open) return nothing
    const { stage, step } = open
    const name = this.label(stage)
    const failure = this.dialogFailure
      ? html`<p class="errors" role="alert" tabindex="-1">${this.dialogFailure}</p>`
      : nothing
    if (step === 'rename')
      return html`<h2 id="stage-dialog-heading">${this.t('journey:stages.renameLabel', { stage: name })}</h2>${failure}
        <form @submit=${(e: SubmitEvent) => this.rename(e, stage)}>
          <label>${this.t('journey:stages.labelEn')}<input name="en" required maxlength="100" .defaultValue=${stage.label.en}></label>
          <label>${this.t('journey:stages.labelNl')} ${this.t('journey:optional')}<input name="nl" maxlength="100" .defaultValue=${stage.label.nl ?? ''}></label>
          <div class="buttons"><button type="button" @click=${() => this.dialog.close()}>${this.t('journey:cancel')}</button>
            <button type="submit" class="primary" ?disabled=${this.busy}>${this.t('journey:save')}</button></div>
        </form>`
    const others = this.stages.filter((candidate) => candidate.id !== stage.id)
    return html`<h2 id="stage-dialog-heading">${this.t('journey:stages.removeLabel', { stage: name })}</h2>${failure}
      <form @submit=${(e: SubmitEvent) => this.removeStage(e, stage)}>
        ${
          stage.touchpointCount > 0
            ? html`<p>${this.t('journey:stages.removeMove', { stage: name, n: stage.touchpointCount })}</p>
              <label>${this.t('journey:stages.moveTo')}<select name="moveTo">
                ${others.map((other) => html`<option value=${other.id}>${this.label(other)}</option>`)}</select></label>`
            : html`<p>${this.t('journey:stages.removeEmpty', { stage: name })}</p>`
        }
        <p class="muted">${this.t('journey:stages.removeNote')}</p>
        <div class="buttons"><button type="button" @click=${() => this.dialog.close()}>${this.t('journey:cancel')}</button>
          <button type="submit" class="primary" ?disabled=${this.busy}>${this.t('journey:stages.removeConfirm')}</button></div>
      </form>`
  }

  override render() {
    return html`<fieldset><legend>${this.t('journey:stages.heading')}</legend>
      <p class="hint muted" id="stage-hint">${this.t('journey:stages.hint')}</p>
      ${this.failure ? html`<p class="errors" role="alert">${this.failure}</p>` : nothing}
      <cx-journey-items lane=${this.t('journey:stages.heading')} label=${this.t('journey:stages.list')} .items=${this.items()}
        @item-edit=${(e: CustomEvent<ItemEdit>) => this.reorder(e.detail)}
        @item-action=${(e: CustomEvent<ItemActionDetail>) => this.openDialog(e.detail)}></cx-journey-items>
      <form class="add" @submit=${this.add}>
        <label>${this.t('journey:stages.id')}<input name="id" required maxlength="64" pattern="[a-z0-9][a-z0-9\\-]*" autocomplete="off"></label>
        <label>${this.t('journey:stages.labelEn')}<input name="en" required maxlength="100"></label>
        <label>${this.t('journey:stages.labelNl')} ${this.t('journey:optional')}<input name="nl" maxlength="100"></label>
        <label>${this.t('journey:stages.after')}<select name="after">
          <option value="">${this.t('journey:stages.atEnd')}</option>
          ${this.stages.map((stage) => html`<option value=${stage.id}>${this.label(stage)}</option>`)}</select></label>
        <button type="submit" ?disabled=${this.busy}>${this.t('journey:stages.add')}</button>
      </form>
    </fieldset>
    <dialog aria-labelledby="stage-dialog-heading" @close=${this.onDialogClose}>${this.renderDialogBody()}</dialog>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-journey-stage-manager': CxJourneyStageManager
  }
}

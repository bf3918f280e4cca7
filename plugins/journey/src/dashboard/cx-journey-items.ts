import { CxDashboardElement } from '@cxkit/ui'
import { css, html, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { mapLimits } from '../map-model.js'
import type { ItemEdit } from './edit-content.js'
import { journeyStyles } from './journey-styles.js'

/** A button beside an item (a touchpoint's "Edit", a stage's "Remove"): clicked, it fires `item-action`. */
export interface ItemAction {
  id: string
  text: string
  /** The button's full name for assistive technology, e.g. "Edit touchpoint Checkout". */
  label: string
}

/** What `item-action` carries: which action, on which item. */
export interface ItemActionDetail {
  key: string
  action: string
}

/** An item as the list shows it: its text and, for touchpoints, a line of detail and actions. */
export interface ListedItem {
  key: string
  text: string
  detail?: string
  actions?: ItemAction[]
}

/**
 * One cell of the map: a stage's items in one lane. Items are focusable: Enter edits, Delete removes,
 * Alt+↑/↓ moves, ↑/↓ goes to the neighbour; the mouse drags to reorder, double-clicks to edit. Every
 * change leaves as an `item-edit` event ({@link ItemEdit}); the page owns the content. Without
 * `editable` (touchpoints, stages) items can only be reordered; their actions fire `item-action`.
 */
@customElement('cx-journey-items')
export class CxJourneyItems extends CxDashboardElement {
  static override styles = [
    ...CxDashboardElement.styles,
    journeyStyles,
    css`
      ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 4px; }
      li { display: flex; gap: 4px; align-items: flex-start; padding: 4px 6px; border: 1px solid var(--_border); border-radius: 6px; background: var(--_surface); cursor: grab; font-size: 0.85rem; }
      li.dragging { opacity: 0.4; }
      li.drop-target { border-color: var(--_primary); }
      .text { flex: 1; overflow-wrap: anywhere; }
      .detail { display: block; color: var(--_muted); font-size: 0.75rem; }
      .remove { padding: 0 6px; border: none; background: none; color: var(--_muted); }
      li { flex-wrap: wrap; }
      .actions { display: flex; flex-wrap: wrap; gap: 2px 8px; flex-basis: 100%; }
      .actions button { padding: 0; border: none; background: none; color: var(--_primary); text-decoration: underline; font-size: 0.75rem; }
      li input { flex: 1; min-width: 0; }
      form { display: flex; gap: 4px; margin-top: 4px; }
      form input { flex: 1; min-width: 0; }
    `,
  ]

  @property({ attribute: false }) accessor items: ListedItem[] = []
  @property({ type: Boolean }) accessor editable = false
  /** The list's name for assistive technology, e.g. "Pain points in Purchase". */
  @property() accessor label = ''
  @property() accessor lane = ''
  @property() accessor stage = ''

  @state() private accessor editing = -1
  @state() private accessor announcement = ''
  @state() private accessor dropTarget = -1
  private dragFrom = -1
  /** The item to focus once the list has re-rendered after a move, edit or removal. */
  private focusAfterUpdate = -1

  private emit(edit: ItemEdit) {
    this.dispatchEvent(new CustomEvent<ItemEdit>('item-edit', { detail: edit, bubbles: true, composed: true }))
  }

  private move(from: number, to: number) {
    if (to < 0 || to >= this.items.length) return
    this.focusAfterUpdate = to
    this.announcement = this.t('journey:moved', { position: to + 1, count: this.items.length })
    this.emit({ kind: 'move', from, to })
  }

  private onItemKey(event: KeyboardEvent, index: number) {
    if (event.target !== event.currentTarget) return
    const key = event.key
    if (event.altKey && (key === 'ArrowUp' || key === 'ArrowDown')) {
      event.preventDefault()
      this.move(index, key === 'ArrowUp' ? index - 1 : index + 1)
    } else if (key === 'ArrowUp' || key === 'ArrowDown') {
      event.preventDefault()
      this.focusItem(key === 'ArrowUp' ? index - 1 : index + 1)
    } else if (this.editable && (key === 'Enter' || key === 'F2')) {
      event.preventDefault()
      this.editing = index
    } else if (this.editable && (key === 'Delete' || key === 'Backspace')) {
      event.preventDefault()
      this.focusAfterUpdate = Math.min(index, this.items.length - 2)
      this.emit({ kind: 'remove', index })
    }
  }

  private onEditKey(event: KeyboardEvent, index: number) {
    event.stopPropagation()
    if (event.key === 'Enter') {
      event.preventDefault()
      this.finishEdit(index, (event.target as HTMLInputElement).value)
    } else if (event.key === 'Escape') {
      event.preventDefault()
      this.focusAfterUpdate = index
      this.editing = -1
    }
  }

  private startEdit(index: number) {
    if (this.editable) this.editing = index
  }

  private finishEdit(index: number, value: string) {
    if (this.editing !== index) return
    const text = value.trim()
    this.editing = -1
    this.focusAfterUpdate = index
    if (!text) this.emit({ kind: 'remove', index })
    else if (text !== this.items[index]?.text) this.emit({ kind: 'edit', index, text })
  }

  private add(event: SubmitEvent) {
    event.preventDefault()
    const input = (event.target as HTMLFormElement).elements.namedItem('item') as HTMLInputElement
    const text = input.value.trim()
    if (!text) return
    this.emit({ kind: 'add', text })
    input.value = ''
  }

  private focusItem(index: number) {
    const items = this.renderRoot.querySelectorAll<HTMLElement>('li')
    items[Math.max(0, Math.min(index, items.length - 1))]?.focus()
  }

  override updated() {
    if (this.editing >= 0) {
      const input = this.renderRoot.querySelector<HTMLInputElement>('li input')
      if (input && this.shadowRoot?.activeElement !== input) {
        input.focus()
        input.select()
      }
    } else if (this.focusAfterUpdate >= 0) {
      const index = this.focusAfterUpdate
      this.focusAfterUpdate = -1
      this.focusItem(index)
    }
  }

  private renderItem(item: ListedItem, index: number) {
    const count = this.items.length
    const drag = {
      start: (event: DragEvent) => {
        this.dragFrom = index
        event.dataTransfer?.setData('text/plain', item.text)
        if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move'
      },
      over: (event: DragEvent) => {
        if (this.dragFrom < 0) return
        event.preventDefault()
        this.dropTarget = index
      },
      drop: (event: DragEvent) => {
        event.preventDefault()
        const from = this.dragFrom
        this.dragFrom = -1
        this.dropTarget = -1
        if (from >= 0 && from !== index) this.move(from, index)
      },
      end: () => {
        this.dragFrom = -1
        this.dropTarget = -1
      },
    }
    if (this.editing === index)
      return html`<li data-index=${index}><input name="edit" maxlength=${mapLimits.itemLength} .value=${item.text}
        aria-label=${this.t('journey:editItemLabel', { position: index + 1, lane: this.lane, stage: this.stage })}
        @keydown=${(e: KeyboardEvent) => this.onEditKey(e, index)}
        @blur=${(e: FocusEvent) => this.finishEdit(index, (e.target as HTMLInputElement).value)}></li>`
    return html`<li tabindex="0" draggable="true" data-index=${index} data-key=${item.key} aria-posinset=${index + 1} aria-setsize=${count}
        aria-keyshortcuts=${this.editable ? 'Enter Delete Alt+ArrowUp Alt+ArrowDown' : 'Alt+ArrowUp Alt+ArrowDown'}
        class=${this.dropTarget === index ? 'drop-target' : this.dragFrom === index ? 'dragging' : ''}
        @keydown=${(e: KeyboardEvent) => this.onItemKey(e, index)}
        @dblclick=${() => this.startEdit(index)}
        @dragstart=${drag.start} @dragover=${drag.over} @drop=${drag.drop} @dragend=${drag.end}>
        <span class="text">${item.text}${item.detail ? html`<span class="detail">${item.detail}</span>` : nothing}</span>${
          item.actions?.length
            ? html`<span class="actions">${item.actions.map(
                (action) => html`<button type="button" data-action=${action.id} aria-label=${action.label}
                  @click=${() => this.dispatchEvent(new CustomEvent<ItemActionDetail>('item-action', { detail: { key: item.key, action: action.id }, bubbles: true, composed: true }))}>${action.text}</button>`,
              )}</span>`
            : nothing
        }
        ${
          this.editable
            ? html`<button class="remove" tabindex="-1" aria-label=${this.t('journey:removeItem', { text: item.text })}
                @click=${() => this.emit({ kind: 'remove', index })}>×</button>`
            : nothing
        }
      </li>`
  }

  override render() {
    const full = this.items.length >= mapLimits.itemsPerLane
    return html`<ul role="list" aria-label=${this.label}>${this.items.map((item, index) => this.renderItem(item, index))}</ul>
      ${
        this.editable && !full
          ? html`<form @submit=${this.add}>
              <input name="item" maxlength=${mapLimits.itemLength} placeholder=${this.t('journey:addPlaceholder', { lane: this.lane })}
                aria-label=${this.t('journey:newItemLabel', { lane: this.lane, stage: this.stage })}>
              <button type="submit">${this.t('journey:addItem')}</button></form>`
          : nothing
      }
      <span class="sr-only" role="status">${this.announcement}</span>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-journey-items': CxJourneyItems
  }
}

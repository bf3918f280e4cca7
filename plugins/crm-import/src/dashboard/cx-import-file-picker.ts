import { CxDashboardElement } from '@cxkit/ui'
import { css, html } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import { importStyles } from './import-styles.js'

/** Picks the file to import, by the file input or by dropping it; sends `file-chosen` (detail: the File). */
@customElement('cx-import-file-picker')
export class CxImportFilePicker extends CxDashboardElement {
  static override styles = [
    ...CxDashboardElement.styles,
    importStyles,
    css`
      .drop { border: 2px dashed var(--_border); border-radius: var(--_radius); padding: 32px; text-align: center; }
      .drop.over { border-color: var(--_primary); background: color-mix(in srgb, var(--_primary) 6%, transparent); }
    `,
  ]

  @state() private accessor over = false

  private choose(file: File | undefined) {
    if (file) this.dispatchEvent(new CustomEvent<File>('file-chosen', { detail: file, bubbles: true, composed: true }))
  }

  private drop(event: DragEvent) {
    event.preventDefault()
    this.over = false
    this.choose(event.dataTransfer?.files[0])
  }

  override render() {
    return html`<div
      class="drop ${this.over ? 'over' : ''}"
      @dragover=${(e: DragEvent) => {
        e.preventDefault()
        this.over = true
      }}
      @dragleave=${() => (this.over = false)}
      @drop=${this.drop}
    >
      <label>
        ${this.t('crm-import:chooseFile')}
        <input
          type="file"
          name="file"
          accept=".csv,.tsv,.txt,.xlsx,.json,.ndjson,text/csv,application/json"
          @change=${(e: Event) => this.choose((e.target as HTMLInputElement).files?.[0])}
        />
      </label>
      <p class="muted">${this.t('crm-import:dropHere')}</p>
    </div>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-import-file-picker': CxImportFilePicker
  }
}

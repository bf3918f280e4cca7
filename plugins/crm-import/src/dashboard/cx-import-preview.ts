import { CxDashboardElement } from '@cxkit/ui'
import { html } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import type { ImportableEntity, UploadResponse } from './import-api.js'
import { importStyles } from './import-styles.js'

/** What the user may tell the readers when detection got it wrong. */
export interface ReadOverrides {
  separator?: string
  encoding?: string
  header?: string
}

/** The separators the readers take, as `?separator=` spells them, each with its `crm-import:` label. */
const separators = [
  [',', 'separator.comma'],
  [';', 'separator.semicolon'],
  ['tab', 'separator.tab'],
  ['whitespace', 'separator.whitespace'],
] as const

/**
 * What the readers made of the file (format, encoding, separator, header row and the preset it looks
 * like, each overridable) and its first rows. Sends `read-again` (detail: `ReadOverrides`) and
 * `entity-change` (detail: the entity).
 */
@customElement('cx-import-preview')
export class CxImportPreview extends CxDashboardElement {
  static override styles = [...CxDashboardElement.styles, importStyles]

  @property({ attribute: false }) accessor upload: UploadResponse | undefined
  @property({ attribute: false }) accessor entities: readonly ImportableEntity[] = []
  @property() accessor entity = 'customers'
  /** Whether the file is read with a header row (as last told). */
  @property({ type: Boolean }) accessor header = true

  private readAgain(form: HTMLFormElement) {
    const data = new FormData(form)
    const detail: ReadOverrides = {
      separator: String(data.get('separator') ?? ''),
      encoding: String(data.get('encoding') ?? ''),
      header: data.get('header') ? 'true' : 'false',
    }
    this.dispatchEvent(new CustomEvent<ReadOverrides>('read-again', { detail, bubbles: true, composed: true }))
  }

  private renderOverrides(upload: UploadResponse) {
    const separator = upload.separator === '\t' ? 'tab' : upload.separator
    return html`<form
      @submit=${(e: SubmitEvent) => {
        e.preventDefault()
        this.readAgain(e.target as HTMLFormElement)
      }}
    >
      <p>${this.t('crm-import:detected', { format: upload.format.toUpperCase(), encoding: upload.encoding })} ·
        ${this.t('crm-import:preset')}: <strong>${upload.preset.label}</strong></p>
      ${
        upload.format === 'csv'
          ? html`<label>${this.t('crm-import:separator')}
              <select name="separator">
                ${separators.map(([value, label]) => html`<option value=${value} ?selected=${value === separator}>${this.t(`crm-import:${label}`)}</option>`)}
              </select></label>
            <label>${this.t('crm-import:encoding')}
              <select name="encoding">
                ${['utf-8', 'windows-1252'].map((value) => html`<option ?selected=${value === upload.encoding}>${value}</option>`)}
              </select></label>
            <label><input type="checkbox" name="header" ?checked=${this.header} /> ${this.t('crm-import:headerRow')}</label>
            <button type="submit">${this.t('crm-import:readAgain')}</button>`
          : ''
      }
    </form>`
  }

  override render() {
    const upload = this.upload
    if (!upload) return ''
    return html`${this.renderOverrides(upload)}
      <label>${this.t('crm-import:entity')}
        <select
          name="entity"
          @change=${(e: Event) =>
            this.dispatchEvent(
              new CustomEvent('entity-change', {
                detail: (e.target as HTMLSelectElement).value,
                bubbles: true,
                composed: true,
              }),
            )}
        >
          ${this.entities.map(
            (entity) =>
              html`<option value=${entity.entity} ?selected=${entity.entity === this.entity}>${entity.entity}</option>`,
          )}
        </select></label>
      <div class="scroll">
        <table>
          <caption class="muted">${this.t('crm-import:previewCaption', { count: upload.rows.length, name: upload.fileName })}</caption>
          <thead><tr><th>${this.t('crm-import:line')}</th>${upload.columns.map((column) => html`<th scope="col">${column}</th>`)}</tr></thead>
          <tbody>
            ${upload.rows.map(
              (row) =>
                html`<tr><th scope="row">${row.line}</th>${row.cells.map((cell) => html`<td>${cell ?? ''}</td>`)}</tr>`,
            )}
          </tbody>
        </table>
      </div>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-import-preview': CxImportPreview
  }
}

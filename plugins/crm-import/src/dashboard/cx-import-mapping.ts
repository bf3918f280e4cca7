import { CxDashboardElement } from '@cxkit/ui'
import { html } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { attributeKey } from '../mapping/normalise-name.js'
import type { ImportableEntity } from './import-api.js'
import { unmappedRequired } from './unmapped-required.js'
import { importStyles } from './import-styles.js'

/**
 * A select per column of the file: one of the entity's fields (required ones marked), an attribute
 * named after the column, or left out. Sends `mapping-change` with the whole mapping.
 */
@customElement('cx-import-mapping')
export class CxImportMapping extends CxDashboardElement {
  static override styles = [...CxDashboardElement.styles, importStyles]

  @property({ attribute: false }) accessor columns: readonly string[] = []
  @property({ attribute: false }) accessor entity: ImportableEntity | undefined
  @property({ attribute: false }) accessor mapping: Record<string, string | null> = {}

  private change(column: string, target: string) {
    const mapping = { ...this.mapping }
    mapping[column] = target || null
    this.dispatchEvent(new CustomEvent('mapping-change', { detail: mapping, bubbles: true, composed: true }))
  }

  private renderSelect(column: string, index: number) {
    const current = this.mapping[column] ?? ''
    const attribute = `attr.${attributeKey(column)}`
    const fields = this.entity?.fields ?? []
    return html`<select
      id="map-${index}"
      data-column=${column}
      @change=${(e: Event) => this.change(column, (e.target as HTMLSelectElement).value)}
    >
      <option value="" ?selected=${current === ''}>${this.t('crm-import:ignore')}</option>
      ${fields.map(
        (field) =>
          html`<option value=${field.name} ?selected=${current === field.name}>
            ${field.name}${field.required ? ` (${this.t('crm-import:required')})` : ''}
          </option>`,
      )}
      ${
        this.entity?.acceptsAttributes
          ? html`<option value=${attribute} ?selected=${current === attribute}>${this.t('crm-import:attribute')}: ${attributeKey(column)}</option>`
          : ''
      }
      ${current.startsWith('attr.') && current !== attribute ? html`<option value=${current} selected>${current}</option>` : ''}
    </select>`
  }

  override render() {
    const missing = unmappedRequired(this.entity, this.mapping)
    return html`<table>
        <thead><tr><th scope="col">${this.t('crm-import:column')}</th><th scope="col">${this.t('crm-import:mapsTo')}</th></tr></thead>
        <tbody>
          ${this.columns.map(
            (column, index) =>
              html`<tr><th scope="row"><label for="map-${index}">${column}</label></th><td>${this.renderSelect(column, index)}</td></tr>`,
          )}
        </tbody>
      </table>
      ${
        missing.length > 0
          ? html`<p class="errors" role="alert">${this.t('crm-import:requiredMissing', { fields: missing.join(', ') })}</p>`
          : ''
      }`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-import-mapping': CxImportMapping
  }
}

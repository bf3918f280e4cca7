import { CxDashboardElement } from '@cxkit/ui'
import { html } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import type { ImportProblem } from './import-api.js'
import { importStyles } from './import-styles.js'

/** The problems of a dry run or an import: line, column and reason, the first 100 of `count`. */
@customElement('cx-import-problems')
export class CxImportProblems extends CxDashboardElement {
  static override styles = [...CxDashboardElement.styles, importStyles]

  @property({ attribute: false }) accessor problems: readonly ImportProblem[] = []
  @property({ type: Number }) accessor count = 0

  override render() {
    if (this.count === 0) return ''
    return html`<p class="errors" role="alert">${this.t('crm-import:dryRunProblems', { count: this.count })}</p>
      <div class="scroll">
        <table>
          <thead><tr>
            <th scope="col">${this.t('crm-import:line')}</th>
            <th scope="col">${this.t('crm-import:column')}</th>
            <th scope="col">${this.t('crm-import:reason')}</th>
          </tr></thead>
          <tbody>
            ${this.problems.map((p) => html`<tr><td>${p.line}</td><td>${p.column ?? ''}</td><td>${p.message}</td></tr>`)}
          </tbody>
        </table>
      </div>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-import-problems': CxImportProblems
  }
}

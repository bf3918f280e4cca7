import { CxDashboardElement } from '@cxkit/ui'
import { css, html } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import type { ImportReport } from './import-api.js'
import { importStyles } from './import-styles.js'
import './cx-import-problems.js'

/** What an import did: rows new, updated, unchanged and rejected, its problems, and the rejected rows' file. */
@customElement('cx-import-report')
export class CxImportReport extends CxDashboardElement {
  static override styles = [
    ...CxDashboardElement.styles,
    importStyles,
    css`
      dl { display: grid; grid-template-columns: repeat(5, auto); gap: 4px 24px; justify-content: start; }
      dt { color: var(--_muted); font-size: 0.85rem; } dd { margin: 0; font-size: 1.4rem; font-weight: 600; }
    `,
  ]

  @property({ attribute: false }) accessor report: ImportReport | undefined
  /** Where the rejected rows can be downloaded, when there are any. */
  @property() accessor rejectsUrl = ''

  override render() {
    const report = this.report
    if (!report) return ''
    const counts = ['rows', 'inserted', 'updated', 'unchanged', 'rejected'] as const
    return html`<dl>
        ${counts.map((key) => html`<div><dt>${this.t(`crm-import:${key}`)}</dt><dd data-count=${key}>${this.i18n.number(report[key], 0)}</dd></div>`)}
      </dl>
      ${report.rejected > 0 && this.rejectsUrl ? html`<p><a href=${this.rejectsUrl} download>${this.t('crm-import:rejectsLink')}</a></p>` : ''}
      <cx-import-problems .problems=${report.errors} count=${report.errorCount}></cx-import-problems>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-import-report': CxImportReport
  }
}

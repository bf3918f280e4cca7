import { CxDashboardElement } from '@cxkit/ui'
import { css, html } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import type { ImportJobState } from './import-api.js'

/** A running import: a progress bar over the file's bytes, rows read and rows per second. */
@customElement('cx-import-progress')
export class CxImportProgress extends CxDashboardElement {
  static override styles = [
    ...CxDashboardElement.styles,
    css`progress { width: 100%; height: 1.2rem; accent-color: var(--_primary); }`,
  ]

  @property({ attribute: false }) accessor job: ImportJobState | undefined
  @property() accessor label = ''

  override render() {
    const progress = this.job?.progress
    const fraction = progress && progress.totalBytes > 0 ? progress.bytes / progress.totalBytes : 0
    return html`<p id="label">${this.label}</p>
      <progress aria-labelledby="label" max="1" value=${fraction}></progress>
      <p aria-live="polite">
        ${
          progress
            ? this.t('crm-import:progress', {
                rows: progress.rows,
                percent: this.i18n.percent(fraction, 0),
                speed: this.i18n.number(progress.rowsPerSecond, 0),
              })
            : ''
        }
      </p>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-import-progress': CxImportProgress
  }
}

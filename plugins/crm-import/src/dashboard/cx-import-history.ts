import { CxDashboardElement } from '@cxkit/ui'
import { Task } from '@lit/task'
import { html } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import { describeFailure, importApi, type PastImport } from './import-api.js'
import { importStyles } from './import-styles.js'

/** The workspace's past imports (who, when, file, counts), each applied one with an undo button. */
@customElement('cx-import-history')
export class CxImportHistory extends CxDashboardElement {
  static override styles = [...CxDashboardElement.styles, importStyles]

  @state() private accessor failure = ''

  private readonly imports = new Task(this, {
    task: ([workspace], { signal }) =>
      workspace ? importApi(this.api).history(workspace, signal) : Promise.resolve([] as PastImport[]),
    args: () => [this.workspace] as const,
  })

  /** Loads the list again (after an import finished). */
  reload() {
    void this.imports.run()
  }

  private async undo(run: PastImport) {
    if (!confirm(this.t('crm-import:undoConfirm', { file: run.file }))) return
    this.failure = ''
    try {
      await importApi(this.api).undo(this.workspace, run.id)
      this.dispatchEvent(new CustomEvent('import-undone', { detail: run.id, bubbles: true, composed: true }))
    } catch (error) {
      this.failure = this.t('crm-import:failed', { message: describeFailure(error) })
    }
    this.reload()
  }

  private renderRow(run: PastImport) {
    const canUndo = run.status === 'imported' && !run.undoneAt
    return html`<tr data-import=${run.id}>
      <td>${new Date(run.startedAt).toLocaleString(this.locale)}</td><td>${run.actor}</td><td>${run.file}</td>
      <td>${run.entity}</td><td>${run.undoneAt ? this.t('crm-import:undone') : run.status}</td>
      <td>${run.inserted}</td><td>${run.updated}</td><td>${run.unchanged}</td><td>${run.rejected}</td>
      <td>
        ${canUndo ? html`<button @click=${() => this.undo(run)}>${this.t('crm-import:undo')}</button>` : ''}
        ${
          run.hasRejects
            ? html`<a href=${importApi(this.api).rejectsUrl(this.workspace, run.id)} download>${this.t('crm-import:rejectsShort')}</a>`
            : ''
        }
      </td>
    </tr>`
  }

  override render() {
    const t = (key: Parameters<typeof this.t>[0]) => this.t(key)
    return html`<h2>${t('crm-import:history')}</h2>
      ${this.failure ? html`<p class="errors" role="alert">${this.failure}</p>` : ''}
      ${this.imports.render({
        pending: () => html`<p>${t('crm-import:loading')}</p>`,
        error: (error) =>
          html`<p class="errors" role="alert">${this.t('crm-import:failed', { message: describeFailure(error) })}</p>`,
        complete: (runs) =>
          runs.length === 0
            ? html`<p class="muted">${t('crm-import:noHistory')}</p>`
            : html`<div class="scroll"><table>
                <thead><tr>
                  ${(
                    ['when', 'who', 'file', 'entity', 'status', 'inserted', 'updated', 'unchanged', 'rejected'] as const
                  ).map((key) => html`<th scope="col">${t(`crm-import:${key}`)}</th>`)}<th></th>
                </tr></thead>
                <tbody>${runs.map((run) => this.renderRow(run))}</tbody>
              </table></div>`,
      })}`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-import-history': CxImportHistory
  }
}

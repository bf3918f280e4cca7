import { CxDashboardElement } from '@cxkit/ui'
import { Task } from '@lit/task'
import { css, html, nothing } from 'lit'
import { customElement, query, state } from 'lit/decorators.js'
import type { CxImportHistory } from './cx-import-history.js'
import { unmappedRequired } from './unmapped-required.js'
import type { ReadOverrides } from './cx-import-preview.js'
import {
  describeFailure,
  type ImportJobState,
  type ImportRequest,
  importApi,
  type UploadResponse,
} from './import-api.js'
import { importStyles } from './import-styles.js'
import { type ImportSettings, renderImportSettings } from './render-import-settings.js'
import { renderWizardSteps, type WizardStep, wizardStepsStyles } from './render-wizard-steps.js'
import { waitForJob } from './wait-for-job.js'
import './cx-import-file-picker.js'
import './cx-import-history.js'
import './cx-import-mapping.js'
import './cx-import-preview.js'
import './cx-import-problems.js'
import './cx-import-progress.js'
import './cx-import-report.js'

/**
 * The Import page: upload → what was detected and the first rows → column mapping → dry run with its
 * problems → import with a progress bar → report; below, past imports with undo.
 */
@customElement('cx-import-page')
export class CxImportPage extends CxDashboardElement {
  static override styles = [
    ...CxDashboardElement.styles,
    importStyles,
    wizardStepsStyles,
    css`h1 { font-size: 1.4rem; margin: 0 0 8px; }`,
  ]

  @state() private accessor step: WizardStep = 'upload'
  @state() private accessor busy = ''
  @state() private accessor failure = ''
  @state() private accessor upload: UploadResponse | undefined
  @state() private accessor entity = 'customers'
  /** What the user told the readers (separator, encoding, header row); kept when the entity changes. */
  @state() private accessor overrides: ReadOverrides = {}
  @state() private accessor mapping: Record<string, string | null> = {}
  @state() private accessor settings: ImportSettings = { locale: 'en', dateOrder: 'ymd', onError: 'abort' }
  @state() private accessor job: ImportJobState | undefined
  @query('cx-import-history') private accessor history!: CxImportHistory

  private readonly entities = new Task(this, {
    task: (_args, { signal }) => importApi(this.api).entities(signal),
    args: () => [this.api] as const,
  })

  /** Aborted when the page is left, so an import's progress is no longer asked for by nobody. */
  private leaving = new AbortController()

  private get client() {
    return importApi(this.api)
  }

  override connectedCallback() {
    super.connectedCallback()
    if (this.leaving.signal.aborted) this.leaving = new AbortController()
  }

  override disconnectedCallback() {
    super.disconnectedCallback()
    this.leaving.abort()
  }

  /** Runs one step's call, showing what it does meanwhile and what went wrong after. */
  private async attempt(busy: string, work: () => Promise<void>) {
    this.busy = busy
    this.failure = ''
    try {
      await work()
    } catch (error) {
      // The page was left: the import runs on in the server and is listed under past imports.
      if (this.leaving.signal.aborted) return
      this.failure = this.t('crm-import:failed', { message: describeFailure(error) })
    } finally {
      this.busy = ''
    }
  }

  private took(upload: UploadResponse) {
    this.upload = upload
    this.entity = upload.entity
    this.mapping = { ...upload.mapping }
    this.step = 'preview'
  }

  private chose(file: File) {
    return this.attempt(this.t('crm-import:uploading', { name: file.name }), async () => {
      const upload = await this.client.upload(this.workspace, file)
      // A new file starts from how its system (or the workspace's language) writes numbers and dates.
      this.settings = { ...this.settings, locale: upload.preset.locale, dateOrder: upload.preset.dateOrder }
      this.took(upload)
    })
  }

  private readAgain(overrides: ReadOverrides) {
    const upload = this.upload
    if (!upload) return
    this.overrides = { ...this.overrides, ...overrides }
    const options = Object.fromEntries(Object.entries({ entity: this.entity, ...this.overrides }).filter(([, v]) => v))
    return this.attempt(this.t('crm-import:loading'), async () =>
      this.took(await this.client.readAgain(this.workspace, upload.id, options)),
    )
  }

  private run(dryRun: boolean) {
    const upload = this.upload
    if (!upload) return
    const request: ImportRequest = {
      workspace: this.workspace,
      upload: upload.id,
      entity: this.entity,
      mapping: this.mapping,
      ...this.settings,
      dryRun,
      // Read the file for the import exactly as it was read for the preview.
      format: upload.format,
      encoding: upload.encoding,
      ...(upload.separator ? { separator: upload.separator } : {}),
      header: this.overrides.header !== 'false',
    }
    this.job = undefined
    this.step = dryRun ? 'dryRun' : 'import'
    return this.attempt(this.t(dryRun ? 'crm-import:dryRunning' : 'crm-import:importing'), async () => {
      const { job } = await this.client.start(request)
      const done = await waitForJob(
        this.client,
        this.workspace,
        job,
        (state) => (this.job = state),
        this.leaving.signal,
      )
      if (done.status === 'failed')
        throw new Error(done.problem?.errors?.map((e) => `${e.field}: ${e.message}`).join('; ') || done.problem?.detail)
      if (!dryRun) {
        this.step = 'report'
        this.history?.reload()
      }
    })
  }

  private restart() {
    this.step = 'upload'
    this.upload = undefined
    this.overrides = {}
    this.job = undefined
    this.failure = ''
  }

  private renderStep() {
    const upload = this.upload
    const entity = this.entities.value?.find((candidate) => candidate.entity === this.entity)
    const report = this.job?.report
    const t = (key: Parameters<typeof this.t>[0], values?: Record<string, string | number>) => this.t(key, values)
    switch (this.step) {
      case 'upload':
        return html`<cx-import-file-picker @file-chosen=${(e: CustomEvent<File>) => this.chose(e.detail)}></cx-import-file-picker>`
      case 'preview':
        return html`<cx-import-preview .upload=${upload} .entities=${this.entities.value ?? []} entity=${this.entity} ?header=${this.overrides.header !== 'false'}
            @read-again=${(e: CustomEvent<ReadOverrides>) => this.readAgain(e.detail)}
            @entity-change=${(e: CustomEvent<string>) => {
              this.entity = e.detail
              return this.readAgain({})
            }}></cx-import-preview>
          <div class="actions"><button @click=${this.restart}>${t('crm-import:back')}</button>
            <button class="primary" @click=${() => (this.step = 'mapping')}>${t('crm-import:next')}</button></div>`
      case 'mapping': {
        const missing = unmappedRequired(entity, this.mapping)
        return html`${upload?.mappingSource === 'saved' ? html`<p class="muted">${t('crm-import:mappingFromSaved')}</p>` : nothing}
          <cx-import-mapping .columns=${upload?.columns ?? []} .entity=${entity} .mapping=${this.mapping}
            @mapping-change=${(e: CustomEvent<Record<string, string | null>>) => (this.mapping = e.detail)}></cx-import-mapping>
          ${renderImportSettings(this.i18n, this.settings, (settings) => (this.settings = settings))}
          <div class="actions"><button @click=${() => (this.step = 'preview')}>${t('crm-import:back')}</button>
            <button class="primary" ?disabled=${missing.length > 0 || !!this.busy} @click=${() => this.run(true)}>${t('crm-import:runDryRun')}</button></div>`
      }
      case 'dryRun':
        return html`${this.busy ? html`<cx-import-progress .job=${this.job} label=${this.busy}></cx-import-progress>` : nothing}
          ${
            report && !this.busy
              ? html`${report.errorCount === 0 ? html`<p>${t('crm-import:dryRunClean', { rows: report.rows })}</p>` : nothing}
                <cx-import-problems .problems=${report.errors} count=${report.errorCount}></cx-import-problems>`
              : nothing
          }
          <div class="actions"><button @click=${() => (this.step = 'mapping')}>${t('crm-import:back')}</button>
            <button class="primary" ?disabled=${!report || !!this.busy || (report.errorCount > 0 && this.settings.onError === 'abort')}
              @click=${() => this.run(false)}>${t('crm-import:startImport')}</button></div>`
      case 'import':
        return html`<cx-import-progress .job=${this.job} label=${this.busy || t('crm-import:importing')}></cx-import-progress>
          ${this.failure ? html`<div class="actions"><button @click=${() => (this.step = 'mapping')}>${t('crm-import:back')}</button></div>` : nothing}`
      case 'report':
        return html`<cx-import-report .report=${report}
            rejectsUrl=${report ? this.client.rejectsUrl(this.workspace, report.importId) : ''}></cx-import-report>
          <div class="actions"><button class="primary" @click=${this.restart}>${t('crm-import:importAnother')}</button></div>`
    }
  }

  override render() {
    return html`<h1>${this.t('crm-import:heading')}</h1>
      <p class="muted">${this.t('crm-import:intro')}</p>
      ${renderWizardSteps(this.i18n, this.step)}
      ${this.busy && this.step !== 'dryRun' && this.step !== 'import' ? html`<p role="status">${this.busy}</p>` : nothing}
      ${this.failure ? html`<p class="errors" role="alert">${this.failure}</p>` : nothing}
      ${this.renderStep()}
      <cx-import-history></cx-import-history>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-import-page': CxImportPage
  }
}

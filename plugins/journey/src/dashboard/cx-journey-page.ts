import { CxDashboardElement } from '@cxkit/ui'
import { css, html, nothing } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import type { MapSummary, MapVersionSummary, MapView, StageContent } from '../map-model.js'
import { contentFromCanvas, stagesOnCanvas } from './edit-content.js'
import { describeFailure, journeyApi, type NewTouchpoint, staleVersionOf } from './journey-api.js'
import type { MapFormDetail } from './cx-journey-map-form.js'
import type { TouchpointsChanged } from './cx-journey-touchpoint-editor.js'
import { journeyStyles } from './journey-styles.js'
import { downloadMap } from './map-exports.js'
import { renderMapToolbar } from './render-map-toolbar.js'
import './cx-journey-canvas.js'
import './cx-journey-map-form.js'
import './cx-journey-touchpoint-form.js'
import './cx-journey-touchpoint-editor.js'
import './cx-journey-stage-manager.js'
import './analysis/cx-journey-responses.js'
import './cx-journey-heatmap-panel.js'
import './cx-journey-pain-points-panel.js'
import './analysis/cx-journey-emotion-curve.js'
import './analysis/cx-journey-funnel-panel.js'
import './analysis/cx-journey-paths-panel.js'
import './analysis/cx-journey-touchpoint-events.js'
import type { ResponsesLinkDetail, TouchpointLinkDetail } from './analysis/touchpoint-link.js'

/**
 * The Journey page: pick a map (or make or import one), edit it on the canvas, save it as a new version
 * (a save based on an old version is refused and says which is current), look at older versions, export
 * it as JSON, SVG or PNG; manage the workspace's stages and touchpoints; from any touchpoint (on the map,
 * in the heatmap, among the pain points) or stage, open the events and survey responses behind it.
 */
@customElement('cx-journey-page')
export class CxJourneyPage extends CxDashboardElement {
  static override styles = [
    ...CxDashboardElement.styles,
    journeyStyles,
    css`
      :host { display: block; }
      h1 { font-size: 1.4rem; margin: 0 0 8px; }
      .bar { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; margin: 12px 0; }
      .hint { font-size: 0.85rem; }
      .dirty { color: var(--_bad); font-weight: 600; }
      .conflict { border: 1px solid var(--_bad); border-radius: var(--_radius); padding: 8px 12px; margin: 12px 0; }
      cx-journey-touchpoint-form, cx-journey-stage-manager { display: block; margin-top: 16px; }
      .analysis { display: grid; gap: 16px; margin-top: 24px; }
      cx-journey-emotion-curve { display: block; margin-top: 24px; }
    `,
  ]

  @state() private accessor maps: MapSummary[] = []
  @state() private accessor view: MapView | undefined
  @state() private accessor versions: MapVersionSummary[] = []
  @state() private accessor stages: StageContent[] = []
  @state() private accessor dirty = false
  @state() private accessor busy = ''
  @state() private accessor notice = ''
  @state() private accessor failure = ''
  @state() private accessor conflict: number | undefined
  /** Which form shows above the map: a new map's, the shown map's details, or none. */
  @state() private accessor form: 'new' | 'details' | undefined
  /** The touchpoint whose latest events show beneath the analysis, after a click on its name. */
  @state() private accessor eventsFor: TouchpointLinkDetail | undefined
  /** The touchpoint or stage whose survey responses show beneath the analysis. */
  @state() private accessor responsesFor: ResponsesLinkDetail | undefined
  /** Counts changes to the touchpoints, so the stage list reads its touchpoint counts again. */
  @state() private accessor touchpointRevision = 0
  /** Whether the surveys plugin is enabled, so the map may link to survey responses. */
  @state() private accessor surveysEnabled = false
  private loadedFor = ''

  private get client() {
    return journeyApi(this.api)
  }

  private async attempt(busy: string, work: () => Promise<void>) {
    this.busy = busy
    this.failure = ''
    this.notice = ''
    try {
      await work()
    } catch (error) {
      this.failure = this.t('journey:failed', { message: describeFailure(error) })
    } finally {
      this.busy = ''
    }
  }

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('api') && this.api) void this.checkSurveys()
    if ((changed.has('workspace') || changed.has('api')) && this.workspace && this.workspace !== this.loadedFor) {
      this.loadedFor = this.workspace
      this.view = undefined
      // A map of the workspace left, still on its way, must not land: it would be taken for this one's.
      this.openings++
      void this.attempt(this.t('journey:loading'), () => this.loadMaps())
    }
  }

  /** Links to survey responses only where the surveys plugin serves them; a failed check shows none. */
  private async checkSurveys() {
    const plugins = await this.api.plugins().catch(() => [])
    this.surveysEnabled = plugins.some((plugin) => plugin.id === 'surveys')
  }

  private async loadMaps(select?: string) {
    // The list of a workspace left meanwhile (its answer came late) must not replace the new one's map.
    const workspace = this.workspace
    const maps = await this.client.list(workspace)
    if (workspace !== this.workspace) return
    this.maps = maps
    const id = select ?? this.view?.map.id ?? this.maps[0]?.id
    if (id && this.maps.some((map) => map.id === id)) await this.open(id)
    else this.view = undefined
  }

  /** Counts the maps asked for (and workspace switches): an answer that arrives after a later request's is dropped. */
  private openings = 0

  private async open(id: string, version?: number) {
    const opening = ++this.openings
    const workspace = this.workspace
    const [view, versions] = await Promise.all([
      this.client.view(workspace, id, version),
      this.client.versions(workspace, id),
    ])
    if (opening !== this.openings || workspace !== this.workspace) return
    this.view = view
    this.versions = versions
    this.stages = stagesOnCanvas(view.content, view.stages)
    this.dirty = false
    this.conflict = undefined
  }

  /** Leaving unsaved changes asks first. */
  private mayLeave() {
    return !this.dirty || confirm(this.t('journey:dropChanges'))
  }

  /** Leaving the page (reload, another site) with unsaved changes asks the browser's own question. */
  private readonly onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (this.dirty) event.preventDefault()
  }

  override connectedCallback() {
    super.connectedCallback()
    window.addEventListener('beforeunload', this.onBeforeUnload)
    // From the canvas and the panels alike: the events cross their shadow roots up to the page.
    this.addEventListener('journey-touchpoint', this.showEvents)
    this.addEventListener('journey-responses', this.showResponses)
  }

  override disconnectedCallback() {
    window.removeEventListener('beforeunload', this.onBeforeUnload)
    this.removeEventListener('journey-touchpoint', this.showEvents)
    this.removeEventListener('journey-responses', this.showResponses)
    super.disconnectedCallback()
  }

  /** Opens another map or version; a select the user changed goes back when they keep their changes. */
  private choose(select: HTMLSelectElement, id: string, version?: number) {
    if (!this.mayLeave()) {
      select.value = String(select.name === 'map' ? this.view?.map.id : this.view?.version)
      return
    }
    return this.attempt(this.t('journey:loading'), () => this.open(id, version))
  }

  private save(baseVersion: number) {
    const view = this.view
    if (!view) return
    return this.attempt(this.t('journey:saving'), async () => {
      try {
        const saved = await this.client.save(this.workspace, view.map.id, baseVersion, contentFromCanvas(this.stages))
        await this.open(saved.id)
        this.maps = this.maps.map((map) => (map.id === saved.id ? saved : map))
        this.notice = this.t('journey:saved', { version: saved.version })
      } catch (error) {
        const current = staleVersionOf(error)
        if (current === undefined) throw error
        this.conflict = current
      }
    })
  }

  private submitMapForm(event: CustomEvent<MapFormDetail>) {
    if (this.form === 'details') {
      return this.attempt(this.t('journey:saving'), async () => {
        const map = await this.client.update(this.workspace, event.detail)
        this.form = undefined
        this.maps = this.maps.map((candidate) => (candidate.id === map.id ? map : candidate))
        if (this.view) this.view = { ...this.view, map }
        this.notice = this.t('journey:detailsSaved', { name: map.name })
      })
    }
    if (!this.mayLeave()) return
    return this.attempt(this.t('journey:saving'), async () => {
      const map = await this.client.create(this.workspace, event.detail)
      this.form = undefined
      this.dirty = false
      await this.loadMaps(map.id)
    })
  }

  private importFile(file: File) {
    if (!this.mayLeave()) return
    return this.attempt(this.t('journey:loading'), async () => {
      let document: unknown
      try {
        document = JSON.parse(await file.text())
      } catch (error) {
        throw new Error(this.t('journey:notJson', { file: file.name, message: describeFailure(error) }))
      }
      const map = await this.client.import(this.workspace, document)
      this.dirty = false
      await this.loadMaps(map.id)
      this.notice = this.t('journey:imported', { name: map.name, version: map.version })
    })
  }

  private deleteMap() {
    const view = this.view
    if (!view || !confirm(this.t('journey:deleteConfirm', { name: view.map.name }))) return
    return this.attempt(this.t('journey:loading'), async () => {
      await this.client.remove(this.workspace, view.map.id)
      this.view = undefined
      this.dirty = false
      await this.loadMaps()
    })
  }

  private addTouchpoint(event: CustomEvent<{ touchpoint: NewTouchpoint; form: HTMLFormElement }>) {
    const view = this.view
    if (!view) return
    const { touchpoint, form } = event.detail
    return this.attempt(this.t('journey:saving'), async () => {
      await this.client.addTouchpoint(this.workspace, touchpoint)
      // Only the touchpoints are read again: the edits on the canvas stay.
      const fresh = await this.client.view(this.workspace, view.map.id, view.version)
      this.view = { ...view, touchpoints: fresh.touchpoints }
      form.reset()
      this.touchpointRevision++
      this.notice = this.t('journey:touchpointAdded', { name: touchpoint.name })
    })
  }

  /**
   * Reads the workspace's stages and touchpoints again after one was changed elsewhere on the page; the
   * edits on the canvas stay, following their stages.
   */
  private refreshStructure(notice: string) {
    const view = this.view
    if (!view) return
    return this.attempt(this.t('journey:loading'), async () => {
      const fresh = await this.client.view(this.workspace, view.map.id, view.version)
      this.stages = stagesOnCanvas(contentFromCanvas(this.stages), fresh.stages)
      this.view = { ...view, stages: fresh.stages, touchpoints: fresh.touchpoints }
      this.notice = notice
    })
  }

  private readonly editTouchpoint = (event: CustomEvent<{ id: string }>) => {
    const touchpoint = this.view?.touchpoints.find((candidate) => candidate.id === event.detail.id)
    if (touchpoint) void this.renderRoot.querySelector('cx-journey-touchpoint-editor')?.open(touchpoint)
  }

  private readonly touchpointsChanged = async (event: CustomEvent<TouchpointsChanged>) => {
    const { notice, id, removed } = event.detail
    this.touchpointRevision++
    await this.refreshStructure(notice)
    // The edited touchpoint may have moved lanes: focus follows it rather than staying where it was.
    if (!removed) await this.renderRoot.querySelector('cx-journey-canvas')?.focusTouchpoint(id)
  }

  private export(kind: 'json' | 'svg' | 'png') {
    const view = this.view
    if (!view) return
    return this.attempt('', () =>
      downloadMap(kind, { view, stages: this.stages, dirty: this.dirty }, this.i18n, this.locale),
    )
  }

  private toggleForm(form: 'new' | 'details' | undefined) {
    this.form = this.form === form ? undefined : form
  }

  private renderPicker() {
    const view = this.view
    return html`<div class="bar">
      ${
        this.maps.length > 0
          ? html`<label>${this.t('journey:map')}<select name="map" @change=${(e: Event) => {
              const select = e.target as HTMLSelectElement
              return this.choose(select, select.value)
            }}>
              ${this.maps.map((map) => html`<option value=${map.id} ?selected=${map.id === view?.map.id}>${map.name}${map.persona ? ` · ${map.persona}` : ''}</option>`)}
            </select></label>`
          : html`<span class="muted">${this.t('journey:noMaps')}</span>`
      }
      <button @click=${() => this.toggleForm('new')} aria-expanded=${this.form === 'new'}>${this.t('journey:newMap')}</button>
      ${view ? html`<button @click=${() => this.toggleForm('details')} aria-expanded=${this.form === 'details'}>${this.t('journey:editDetails')}</button>` : nothing}
      <label class="import"><span>${this.t('journey:importJson')}</span><input type="file" name="import" accept=".json,application/json"
        @change=${(e: Event) => {
          const input = e.target as HTMLInputElement
          const file = input.files?.[0]
          input.value = ''
          if (file) void this.importFile(file)
        }}></label>
    </div>
    ${
      this.form
        ? html`<cx-journey-map-form .map=${this.form === 'details' ? view?.map : undefined}
            @map-submit=${this.submitMapForm} @map-cancel=${() => this.toggleForm(undefined)}></cx-journey-map-form>`
        : nothing
    }`
  }

  private renderToolbar(view: MapView) {
    const state = {
      view,
      versions: this.versions,
      dirty: this.dirty,
      busy: !!this.busy,
      conflict: this.conflict,
    }
    return renderMapToolbar(this.i18n, state, {
      chooseVersion: (select, version) => this.choose(select, view.map.id, version),
      save: (baseVersion) => this.save(baseVersion),
      openCurrent: () => this.attempt(this.t('journey:loading'), () => this.open(view.map.id)),
      export: (kind) => this.export(kind),
      delete: () => this.deleteMap(),
    })
  }

  override updated() {
    // The pickers follow the map shown, also when the user had chosen another option before.
    const view = this.view
    if (!view) return
    const pick = (name: string, value: string) => {
      const select = this.renderRoot.querySelector<HTMLSelectElement>(`select[name=${name}]`)
      if (select && select.value !== value) select.value = value
    }
    pick('map', view.map.id)
    pick('version', String(view.version))
  }

  /** The journey's analysis beneath the map: it reads the workspace's events and answers, not the map. */
  private renderAnalysis() {
    return html`<div class="analysis">
      <cx-journey-funnel-panel heading=${this.t('journey:funnel.heading')}></cx-journey-funnel-panel>
      <cx-journey-paths-panel heading=${this.t('journey:paths.heading')}></cx-journey-paths-panel>
      <cx-journey-heatmap-panel linked heading=${this.t('journey:analysis.heatmap')}></cx-journey-heatmap-panel>
      <cx-journey-pain-points-panel linked heading=${this.t('journey:analysis.painPoints')}></cx-journey-pain-points-panel>
      ${
        this.eventsFor
          ? html`<cx-journey-touchpoint-events .touchpoint=${this.eventsFor} @close=${() => (this.eventsFor = undefined)}></cx-journey-touchpoint-events>`
          : nothing
      }
      ${
        this.responsesFor
          ? html`<cx-journey-responses .filter=${this.responsesFor} @close=${() => (this.responsesFor = undefined)}></cx-journey-responses>`
          : nothing
      }
    </div>`
  }

  private readonly showEvents = async (event: Event) => {
    this.eventsFor = (event as CustomEvent<TouchpointLinkDetail>).detail
    await this.reveal('cx-journey-touchpoint-events')
  }

  private readonly showResponses = async (event: Event) => {
    this.responsesFor = (event as CustomEvent<ResponsesLinkDetail>).detail
    await this.reveal('cx-journey-responses')
  }

  /** Scrolls to a list just opened and moves focus to its heading, so keyboard users land on it. */
  private async reveal(tag: 'cx-journey-touchpoint-events' | 'cx-journey-responses') {
    await this.updateComplete
    const list = this.renderRoot.querySelector(tag)
    list?.scrollIntoView({ block: 'nearest' })
    await list?.updateComplete
    list?.focus()
  }

  override render() {
    const view = this.view
    return html`<h1>${this.t('journey:heading')}</h1>
      <p class="muted">${this.t('journey:intro')}</p>
      ${this.renderPicker()}
      <p role="status">${this.busy || this.notice}</p>
      ${this.failure ? html`<p class="errors" role="alert">${this.failure}</p>` : nothing}
      ${
        view
          ? html`${this.renderToolbar(view)}
            <p class="hint muted" id="keyboard-hint">${this.t('journey:keyboardHint')}</p>
            <cx-journey-canvas data-map=${view.map.id} name=${view.map.name} .responses=${this.surveysEnabled} .channels=${view.channels} .stages=${view.stages} .content=${this.stages} .touchpoints=${view.touchpoints}
              @content-change=${(e: CustomEvent<StageContent[]>) => {
                this.stages = e.detail
                this.dirty = true
              }} @touchpoint-edit=${this.editTouchpoint}></cx-journey-canvas>
            <cx-journey-touchpoint-form .stages=${view.stages} .channels=${view.channels} ?busy=${!!this.busy} @touchpoint-submit=${this.addTouchpoint}></cx-journey-touchpoint-form>
            <cx-journey-touchpoint-editor .stages=${view.stages} .channels=${view.channels} @touchpoints-changed=${this.touchpointsChanged}></cx-journey-touchpoint-editor>
            <cx-journey-stage-manager revision=${this.touchpointRevision}
              @stages-changed=${(e: CustomEvent<{ notice: string }>) => this.refreshStructure(e.detail.notice)}></cx-journey-stage-manager>
            <cx-journey-emotion-curve .stages=${view.stages} .content=${this.stages}></cx-journey-emotion-curve>`
          : nothing
      }
      ${this.renderAnalysis()}`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-journey-page': CxJourneyPage
  }
}

import type { Translator } from '@cxkit/ui'
import { html, nothing } from 'lit'
import type { MapVersionSummary, MapView } from '../map-model.js'

/** What the toolbar shows. */
export interface MapToolbarState {
  view: MapView
  versions: readonly MapVersionSummary[]
  dirty: boolean
  busy: boolean
  /** The version a refused save ran into, while the conflict notice shows. */
  conflict: number | undefined
}

/** What the toolbar's controls do. */
export interface MapToolbarActions {
  chooseVersion(select: HTMLSelectElement, version: number): void
  /** Saves on top of `baseVersion`. */
  save(baseVersion: number): void
  openCurrent(): void
  export(kind: 'json' | 'svg' | 'png'): void
  delete(): void
}

/**
 * The bar above the canvas: the version picker, Save (with the unsaved-changes flag), the exports and
 * Delete, and below it the notices for an older version and for a save someone else's got ahead of.
 *
 * @example
 * renderMapToolbar(this.i18n, { view, versions, dirty, busy, conflict }, actions)
 */
export function renderMapToolbar(i18n: Translator, state: MapToolbarState, actions: MapToolbarActions) {
  const { view, versions, dirty, busy, conflict } = state
  const current = view.map.version
  const t = i18n.t.bind(i18n)
  return html`<div class="bar">
      <label>${t('journey:version')}<select name="version"
        @change=${(e: Event) => actions.chooseVersion(e.target as HTMLSelectElement, Number((e.target as HTMLSelectElement).value))}>
        ${versions.map(
          (v) =>
            html`<option value=${v.version} ?selected=${v.version === view.version}>${
              v.version === current
                ? t('journey:currentVersion', { version: v.version })
                : t('journey:versionOption', { version: v.version, date: v.createdAt.slice(0, 10) })
            }</option>`,
        )}</select></label>
      <button class="primary" name="save" ?disabled=${busy || (!dirty && view.version === current)} @click=${() => actions.save(current)}>${t('journey:save')}</button>
      ${dirty ? html`<span class="dirty" role="status">${t('journey:unsaved')}</span>` : nothing}
      <button name="export-json" @click=${() => actions.export('json')}>${t('journey:exportJson')}</button>
      <button name="export-svg" @click=${() => actions.export('svg')}>${t('journey:exportSvg')}</button>
      <button name="export-png" @click=${() => actions.export('png')}>${t('journey:exportPng')}</button>
      <button name="delete" @click=${() => actions.delete()}>${t('journey:deleteMap')}</button>
    </div>
    ${view.version !== current ? html`<p class="muted">${t('journey:olderVersion', { version: view.version })}</p>` : nothing}
    ${
      conflict !== undefined
        ? html`<div class="conflict" role="alert"><p>${t('journey:conflict', { version: conflict })}</p>
            <button @click=${() => actions.openCurrent()}>${t('journey:conflictOpen', { version: conflict })}</button>
            <button @click=${() => actions.save(conflict)}>${t('journey:conflictOverwrite')}</button></div>`
        : nothing
    }`
}

import { localizeText, type Translator } from '@cxkit/ui'
import { type MapExport, mapExportFormat, type MapView, type StageContent } from '../map-model.js'
import { channelName } from './channel-name.js'
import { downloadFile, svgToPng } from './download-file.js'
import { contentFromCanvas } from './edit-content.js'
import { buildMapSvg } from './map-svg.js'

/** What an export is made of: the map as shown, with the edits not saved yet. */
export interface ShownMap {
  view: MapView
  stages: StageContent[]
  /** True when the canvas holds changes not saved yet: the export then names no version. */
  dirty: boolean
}

/** The map as shown, as a `cxkit.journey-map` document (the same format the API exports and imports). */
export function mapExportOf({ view, stages, dirty }: ShownMap): MapExport {
  const { id, name, persona, segment } = view.map
  return {
    format: mapExportFormat,
    version: 1,
    map: { id, name, persona, segment, ...(dirty ? {} : { version: view.version }) },
    exportedAt: new Date().toISOString(),
    content: contentFromCanvas(stages),
  }
}

/** The map as shown, drawn as an SVG document in the reader's language. */
export function mapSvgOf({ view, stages }: ShownMap, i18n: Translator, locale: string): string {
  const about = [view.map.persona, view.map.segment].filter(Boolean).join(' · ')
  return buildMapSvg({
    title: view.map.name,
    ...(about ? { subtitle: about } : {}),
    stages: view.stages.map((stage) => ({ id: stage.id, label: localizeText(stage.label, locale) })),
    content: stages,
    touchpoints: view.touchpoints,
    laneLabel: (lane) => i18n.t(`journey:lane.${lane}`),
    channelLabel: (channel) => channelName(view.channels, channel, locale),
  })
}

/**
 * Downloads the map as shown, as JSON, SVG or PNG, named after the map (and its version when saved).
 *
 * @example
 * await downloadMap('png', shown, this.i18n, this.locale)
 */
export async function downloadMap(kind: 'json' | 'svg' | 'png', shown: ShownMap, i18n: Translator, locale: string) {
  const name = `${shown.view.map.id}${shown.dirty ? '' : `-v${shown.view.version}`}`
  if (kind === 'json') {
    const json = JSON.stringify(mapExportOf(shown), null, 2)
    return downloadFile(new Blob([json], { type: 'application/json' }), `${name}.journey.json`)
  }
  const svg = mapSvgOf(shown, i18n, locale)
  if (kind === 'svg') return downloadFile(new Blob([svg], { type: 'image/svg+xml' }), `${name}.svg`)
  downloadFile(await svgToPng(svg), `${name}.png`)
}

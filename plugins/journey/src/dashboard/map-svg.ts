import { emotionRange, type MapTouchpoint, type StageContent, type TextLane, textLanes } from '../map-model.js'
import { touchpointsOfStage } from './edit-content.js'

/** What the SVG needs besides the map: the words, in the reader's language. */
export interface MapSvgInput {
  title: string
  subtitle?: string
  stages: readonly { id: string; label: string }[]
  content: readonly StageContent[]
  touchpoints: readonly MapTouchpoint[]
  laneLabel: (lane: TextLane | 'emotion' | 'touchpoints') => string
  channelLabel: (channel: string) => string
}

const layout = {
  margin: 24,
  labelWidth: 150,
  columnWidth: 220,
  headerHeight: 44,
  lineHeight: 16,
  /** Characters per line in a column at 12px: wrapping by count is enough for a drawing. */
  charsPerLine: 30,
  cellPadding: 10,
  emotionHeight: 130,
} as const

/** Characters XML 1.0 has no place for, even escaped: one of them makes the whole document unreadable. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const forbiddenInXml = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g

const escapeXml = (text: string) =>
  text
    .replace(forbiddenInXml, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)

/**
 * Breaks text into lines of at most `width` characters at spaces (a longer word is cut).
 *
 * @example
 * wrapText('Checkout asks for an account', 12) // ['Checkout', 'asks for an', 'account']
 */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    for (let rest = word; rest.length > 0; ) {
      const room = line ? width - line.length - 1 : width
      if (rest.length <= room) {
        line = line ? `${line} ${rest}` : rest
        rest = ''
      } else if (line) {
        lines.push(line)
        line = ''
      } else {
        lines.push(rest.slice(0, width))
        rest = rest.slice(width)
      }
    }
  }
  if (line) lines.push(line)
  return lines
}

/** The lines a lane cell shows: each item as a bullet, wrapped. */
function cellLines(items: readonly string[]): string[][] {
  return items.map((item) => wrapText(item, layout.charsPerLine - 2))
}

function textBlock(x: number, y: number, blocks: readonly string[][], bullet: boolean): string {
  let dy = 0
  const out: string[] = []
  for (const lines of blocks) {
    lines.forEach((line, index) => {
      const prefix = bullet && index === 0 ? '• ' : bullet ? '  ' : ''
      out.push(`<text x="${x}" y="${y + dy}" class="item">${escapeXml(prefix + line)}</text>`)
      dy += layout.lineHeight
    })
    dy += 4
  }
  return out.join('')
}

const blockHeight = (blocks: readonly string[][]) =>
  blocks.reduce((sum, lines) => sum + lines.length * layout.lineHeight + 4, 0) + layout.cellPadding * 2

/**
 * The map as a standalone SVG document: stages as columns, lanes as rows, the emotion as a line through
 * the stages. The same drawing is the SVG export and, drawn onto a canvas, the PNG export.
 *
 * @example
 * const svg = buildMapSvg({ title: 'Starter', stages, content, touchpoints, laneLabel, channelLabel })
 */
export function buildMapSvg(input: MapSvgInput): string {
  const { margin, labelWidth, columnWidth, headerHeight, cellPadding } = layout
  const byStage = new Map(input.content.map((stage) => [stage.stageId, stage]))
  const stageContent = input.stages.map((stage) => byStage.get(stage.id))
  const touchpointBlocks = stageContent.map((stage) =>
    stage
      ? touchpointsOfStage(stage, input.touchpoints).map((tp) =>
          wrapText(
            `${tp.name} (${input.channelLabel(tp.channel)}${tp.ownerTeam ? `, ${tp.ownerTeam}` : ''})`,
            layout.charsPerLine - 2,
          ),
        )
      : [],
  )
  const rows: {
    label: string
    height: number
    draw: (x: number, y: number, column: number) => string
    emotion?: true
  }[] = [
    ...textLanes.map((lane) => {
      const blocks = stageContent.map((stage) => cellLines(stage?.[lane] ?? []))
      return {
        label: input.laneLabel(lane),
        height: Math.max(44, ...blocks.map(blockHeight)),
        draw: (x: number, y: number, column: number) => textBlock(x, y, blocks[column] ?? [], true),
      }
    }),
    { label: input.laneLabel('emotion'), height: layout.emotionHeight, draw: () => '', emotion: true },
    {
      label: input.laneLabel('touchpoints'),
      height: Math.max(44, ...touchpointBlocks.map(blockHeight)),
      draw: (x: number, y: number, column: number) => textBlock(x, y, touchpointBlocks[column] ?? [], true),
    },
  ]
  const width = margin * 2 + labelWidth + columnWidth * input.stages.length
  const top = margin + 40
  const height = top + headerHeight + rows.reduce((sum, row) => sum + row.height, 0) + margin
  const parts: string[] = []
  parts.push(`<text x="${margin}" y="${margin + 16}" class="title">${escapeXml(input.title)}</text>`)
  if (input.subtitle)
    parts.push(`<text x="${margin}" y="${margin + 34}" class="muted">${escapeXml(input.subtitle)}</text>`)
  input.stages.forEach((stage, column) => {
    const x = margin + labelWidth + column * columnWidth
    parts.push(
      `<rect x="${x + 2}" y="${top}" width="${columnWidth - 4}" height="${headerHeight - 6}" rx="6" class="stage"/>`,
    )
    parts.push(`<text x="${x + cellPadding}" y="${top + 25}" class="stage-label">${escapeXml(stage.label)}</text>`)
  })
  let y = top + headerHeight
  for (const row of rows) {
    parts.push(`<line x1="${margin}" y1="${y}" x2="${width - margin}" y2="${y}" class="rule"/>`)
    parts.push(`<text x="${margin}" y="${y + 22}" class="lane">${escapeXml(row.label)}</text>`)
    input.stages.forEach((_, column) => {
      parts.push(row.draw(margin + labelWidth + column * columnWidth + cellPadding, y + cellPadding + 12, column))
    })
    if (row.emotion) parts.push(emotionLine(stageContent, y))
    y += row.height
  }
  const style =
    'text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;fill:#1b1f2a}' +
    '.title{font-size:20px;font-weight:600}.muted{font-size:13px;fill:#5b6475}.stage{fill:#e8eeff}' +
    '.stage-label{font-size:14px;font-weight:600}.lane{font-size:13px;font-weight:600;fill:#5b6475}' +
    '.item{font-size:12px}.rule{stroke:#e2e6ee}.emotion{fill:none;stroke:#1f5eff;stroke-width:2.5}' +
    '.dot{fill:#1f5eff}.zero{stroke:#c9cfdb;stroke-dasharray:4 4}'
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<style>${style}</style><rect width="100%" height="100%" fill="#ffffff"/>${parts.join('')}</svg>`
  )
}

/** The emotion row: a dot per judged stage, joined by a line (broken where a stage is not judged). */
function emotionLine(stages: readonly (StageContent | undefined)[], rowTop: number): string {
  const { margin, labelWidth, columnWidth } = layout
  const span = emotionRange.max - emotionRange.min
  const yOf = (emotion: number) => rowTop + 15 + ((emotionRange.max - emotion) / span) * (layout.emotionHeight - 30)
  const xOf = (column: number) => margin + labelWidth + column * columnWidth + columnWidth / 2
  const out = [
    `<line x1="${margin + labelWidth}" y1="${yOf(0)}" x2="${xOf(stages.length - 1) + columnWidth / 2}" y2="${yOf(0)}" class="zero"/>`,
  ]
  let run: string[] = []
  const flush = () => {
    if (run.length > 1) out.push(`<polyline points="${run.join(' ')}" class="emotion"/>`)
    run = []
  }
  stages.forEach((stage, column) => {
    const emotion = stage?.emotion
    if (emotion === null || emotion === undefined) {
      flush()
      return
    }
    run.push(`${xOf(column)},${yOf(emotion)}`)
    out.push(`<circle cx="${xOf(column)}" cy="${yOf(emotion)}" r="5" class="dot"><title>${emotion}</title></circle>`)
  })
  flush()
  return out.join('')
}

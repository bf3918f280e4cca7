import type { ExitsResult, FunnelGroupResult, FunnelResult, PathsResult } from '@cxkit/plugin-journey'
import { formatDuration } from './format-duration.js'
import { formatTable } from './format-table.js'

interface Share {
  value: number | null
  interval: { lower: number; upper: number } | null
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`

function formatShare(share: Share): string {
  if (share.value === null) return '–'
  return share.interval
    ? `${percent(share.value)} (${percent(share.interval.lower)}–${percent(share.interval.upper)})`
    : percent(share.value)
}

function period(from: string | null, to: string | null): string {
  if (from === null && to === null) return 'all time'
  return `${from ?? '…'} – ${to ?? '…'}`
}

function funnelTable(result: FunnelResult, group: FunnelGroupResult): string {
  return formatTable([
    ['step', 'reached', 'of entered (95% CI)', 'of previous (95% CI)', 'drop-off', 'median from previous'],
    ...group.steps.map((step, index) => [
      `${step.index}. ${result.steps[index]!.step}`,
      String(step.reached),
      formatShare(step.conversion),
      index === 0 ? '' : formatShare(step.stepConversion),
      index === 0 ? '' : String(step.dropOff),
      index === 0 ? '' : formatDuration(step.medianMsFromPrevious),
    ]),
  ])
}

/**
 * A funnel for a terminal: the whole funnel, then one table per group.
 *
 * @example
 * process.stdout.write(formatFunnel(await runFunnelQuery(ctx, query)))
 */
export function formatFunnel(result: FunnelResult): string {
  const lines = [
    `Funnel ${result.steps.map((step) => step.step).join(' → ')}`,
    `window ${formatDuration(result.windowMs)} from the first step-1 event; entering ${period(result.from, result.to)}; ${result.total.entered} customers entered`,
    '',
    funnelTable(result, result.total),
  ]
  for (const group of result.groups) {
    lines.push('', `${result.by} = ${group.key ?? '(no value)'}: ${group.entered} entered`, funnelTable(result, group))
  }
  return `${lines.join('\n')}\n`
}

/**
 * The exit ranking for a terminal.
 *
 * @example
 * process.stdout.write(formatExits(await runExitsQuery(ctx, query)))
 */
export function formatExits(result: ExitsResult): string {
  const lines = [
    `Exits from ${result.steps.map((step) => step.step).join(' → ')}`,
    `${result.notCompleted} of ${result.entered} customers who entered (${period(result.from, result.to)}) did not complete within ${formatDuration(result.windowMs)}; their last touchpoint:`,
    '',
  ]
  if (result.exits.length === 0) lines.push('(none)')
  else
    lines.push(
      formatTable([
        ['touchpoint', 'stage', 'customers', 'share (95% CI)'],
        ...result.exits.map((exit) => [
          exit.touchpointId,
          exit.stageId ?? '',
          String(exit.customers),
          formatShare(exit.share),
        ]),
      ]),
    )
  return `${lines.join('\n')}\n`
}

/**
 * The path ranking for a terminal.
 *
 * @example
 * process.stdout.write(formatPaths(await runPathsQuery(ctx, query)))
 */
export function formatPaths(result: PathsResult): string {
  const start = result.start ? `from ${result.start.step}` : 'from the first event'
  const lines = [
    `Paths ${start}, up to ${result.length} touchpoints (${period(result.from, result.to)}); ${result.customers} customers`,
    '',
  ]
  if (result.paths.length === 0) lines.push('(none)')
  else
    lines.push(
      formatTable([
        ['customers', 'share (95% CI)', 'path'],
        ...result.paths.map((path) => [String(path.customers), formatShare(path.share), path.touchpoints.join(' → ')]),
      ]),
    )
  return `${lines.join('\n')}\n`
}

import { parseInput } from '@cxkit/core'
import {
  exitsQuerySchema,
  funnelQuerySchema,
  pathsQuerySchema,
  runExitsQuery,
  runFunnelQuery,
  runPathsQuery,
} from '@cxkit/plugin-journey'
import type { Command } from 'commander'
import { formatExits, formatFunnel, formatPaths } from './journey/format-analysis.js'
import { type JourneyConnectionOptions, withJourney } from './journey/open-journey.js'

interface AnalysisOptions extends JourneyConnectionOptions {
  steps?: string
  window?: string
  by?: string
  from?: string
  to?: string
  top?: string
  start?: string
  length?: string
  json?: boolean
}

/** The options every `cxkit journey` command takes. */
function common(command: Command): Command {
  return command
    .option('--workspace <id>', 'workspace id (default: the only workspace)')
    .option('--from <date>', 'only customers entering at or after this date or instant (default: all time)')
    .option('--to <date>', 'only customers entering before this date or instant')
    .option('--json', 'print the result as JSON')
    .option('--db <url>', 'database URL (default: $CXKIT_DATABASE_URL or sqlite:./data/cxkit.db)')
    .option('--config <file>', 'app config (default: ./cxkit.config.ts or $CXKIT_CONFIG)')
}

const stepsHelp = "steps, comma separated: 'stage:<id>', 'touchpoint:<id>' or an id (2–10)"
const windowHelp = "how long after a customer's first step-1 event the steps count: 30m, 12h, 14d, 2w"

/** Drops options that were not given, so the schema's defaults apply. */
function given(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined))
}

function print(json: boolean | undefined, result: unknown, format: () => string): void {
  process.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : format())
}

/**
 * `cxkit journey funnel | exits | paths`: the journey analyses of the API, on the command line.
 *
 * @example
 * registerJourneyCommand(program) // cxkit journey funnel --steps awareness,checkout --window 14d
 */
export function registerJourneyCommand(program: Command): void {
  const journey = program.command('journey').description('analyse customer journeys: funnels, exits and paths')

  common(
    journey
      .command('funnel')
      .description('customers reaching each step within a window: conversion, drop-off and median times')
      .requiredOption('--steps <steps>', stepsHelp)
      .requiredOption('--window <window>', windowHelp)
      .option('--by <dimension>', 'segment | region | plan | attr.<key> | week | month (of entering)'),
  ).action((options: AnalysisOptions) =>
    withJourney(options, async (ctx, workspace) => {
      const { steps, window, by, from, to } = options
      const query = parseInput(funnelQuerySchema, given({ workspace, steps, window, by, from, to }), 'query')
      const result = await runFunnelQuery(ctx, query, 'query.')
      print(options.json, result, () => formatFunnel(result))
    }),
  )

  common(
    journey
      .command('exits')
      .description('where customers who entered a funnel stop: their last touchpoint within the window')
      .requiredOption('--steps <steps>', stepsHelp)
      .requiredOption('--window <window>', windowHelp)
      .option('--top <n>', 'how many touchpoints to list (1–100)', '10'),
  ).action((options: AnalysisOptions) =>
    withJourney(options, async (ctx, workspace) => {
      const { steps, window, top, from, to } = options
      const query = parseInput(exitsQuerySchema, given({ workspace, steps, window, top, from, to }), 'query')
      const result = await runExitsQuery(ctx, query, 'query.')
      print(options.json, result, () => formatExits(result))
    }),
  )

  common(
    journey
      .command('paths')
      .description('the most common touchpoint sequences, repeats collapsed')
      .option(
        '--start <step>',
        "start at this step: 'stage:<id>', 'touchpoint:<id>' or an id (default: the first event)",
      )
      .option('--length <n>', 'the most touchpoints per path (2–10)', '5')
      .option('--top <n>', 'how many paths to list (1–100)', '10')
      .option('--window <window>', 'only events this long after the start: 30m, 12h, 14d, 2w'),
  ).action((options: AnalysisOptions) =>
    withJourney(options, async (ctx, workspace) => {
      const { start, length, top, window, from, to } = options
      const query = parseInput(pathsQuerySchema, given({ workspace, start, length, top, window, from, to }), 'query')
      const result = await runPathsQuery(ctx, query, 'query.')
      print(options.json, result, () => formatPaths(result))
    }),
  )
}

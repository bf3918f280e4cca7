import type { z } from 'zod'
import { CxError } from '../errors/cx-error.js'
import type { GroupBy, MetricQuery } from '../schemas/metric-query.js'
import type { PeriodComparison } from '../stats/compare-results.js'
import type { Interval } from '../stats/interval.js'
import type { LocalizedText } from './localized-text.js'
import type { PluginContext } from './plugin-context.js'

/**
 * One group of a breakdown. `keys` holds one value per grouping (a period start such as `2026-01-05`,
 * or a dimension's value; null for the group without a value, empty or absent); `key` joins them with
 * ' × ' for display, writing {@link noValueLabel} for null.
 */
export interface MetricBreakdownRow {
  key: string
  keys: (string | null)[]
  value: number | null
  n: number
  interval?: Interval | null
  /** See {@link MetricResult.counts}. */
  counts?: MetricCounts
}

/**
 * Counts a metric reports beside its value, by name: the one-event sessions inside a mean session
 * duration, say. They explain the value; they are never a second value.
 */
export type MetricCounts = Readonly<Record<string, number>>

/** What every metric returns. `value` is null when there is no data (n = 0): never a made-up zero. */
export interface MetricResult {
  value: number | null
  n: number
  interval?: Interval | null
  /** Standard error of `value`: lets the server test a change between periods. */
  standardError?: number | null
  counts?: MetricCounts
  breakdown?: MetricBreakdownRow[]
  /** Present when the caller asked to compare with the previous period. */
  comparison?: PeriodComparison
}

export type MetricUnit = 'ratio' | 'score' | 'count' | 'currency' | 'duration'
export type MetricDirection = 'higher-is-better' | 'lower-is-better' | 'neutral'

/**
 * A metric: what it is called, how to read it, and how to compute it in SQL. `TSettings` are the settings
 * `compute` receives: the metric's workspace-settings defaults with the workspace's own changes on top.
 */
export interface MetricDefinition<TId extends string = string, TSettings = Record<string, unknown>> {
  readonly id: TId
  readonly label: LocalizedText
  readonly description?: LocalizedText
  /**
   * The formula in words, shown beside the score. A metric whose settings change the formula (a CSAT
   * box count) writes it from the settings in force: the plugin's, merged with a workspace's changes.
   */
  readonly formula?: LocalizedText | FormulaFor<TSettings>
  readonly unit: MetricUnit
  readonly direction: MetricDirection
  /** The groupings `compute` handles, alone or two at a time (`attr.*` stands for any attribute); others are a 400. */
  readonly groupBy: readonly GroupBy[]
  /** The filter keys `compute` honours (`attr.*` stands for any attribute); the server rejects any other with 400. */
  readonly filters: readonly string[]
  /**
   * What a workspace may change for this metric (a cut-off, a scale), as a zod object of optional fields.
   * A workspace's changes are stored with the metric and reach `compute` over `workspaceSettingsDefaults`.
   */
  readonly workspaceSettingsSchema?: z.ZodType<Partial<TSettings>>
  /** The settings where a workspace changed nothing: usually the plugin's options. */
  readonly workspaceSettingsDefaults?: TSettings
  // Method syntax on purpose: it keeps a metric with typed settings assignable to MetricDefinition<string>.
  compute(ctx: PluginContext, query: MetricQuery, settings: TSettings): Promise<MetricResult>
}

/**
 * A formula written from the settings in force. Method syntax on purpose: it keeps a metric with typed
 * settings assignable to `MetricDefinition<string>`, as for `compute`.
 */
type FormulaFor<TSettings> = { formula(settings: TSettings): LocalizedText }['formula']

/** What `defineMetric` takes: a metric whose groupings and filters default to none. */
export type MetricSpec<TId extends string, TSettings> = Omit<
  MetricDefinition<TId, TSettings>,
  'groupBy' | 'filters'
> & {
  groupBy?: readonly GroupBy[]
  filters?: readonly string[]
}

/**
 * A metric's formula in words for the settings in force (its workspace-settings defaults, merged with a
 * workspace's changes when there are any).
 *
 * @example
 * metricFormula(csat, { scale: 5, topBoxes: 1 })?.en // 'CSAT = answers in the top 1 boxes (5–5 on 1–5) ÷ …'
 */
export function metricFormula(
  metric: Pick<MetricDefinition, 'formula'>,
  settings: Readonly<Record<string, unknown>>,
): LocalizedText | undefined {
  return typeof metric.formula === 'function' ? metric.formula(settings) : metric.formula
}

const metricIdPattern = /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)?$/

/**
 * Declares a metric. Its id is inferred as a literal type; with workspace settings, `compute` receives
 * them typed as `workspaceSettingsDefaults` is (the schema's fields must be a part of them).
 *
 * @example
 * const fcr = defineMetric({ id: 'fcr', unit: 'ratio', direction: 'higher-is-better',
 *   label: { en: 'First-contact resolution' }, groupBy: ['month'], filters: [],
 *   workspaceSettingsSchema: z.object({ maxContacts: z.number().int() }).partial(),
 *   workspaceSettingsDefaults: { maxContacts: options.maxContacts },
 *   compute: async (ctx, query, settings) => proportion(await hits(ctx, query, settings.maxContacts), n) })
 */
export function defineMetric<
  const TId extends string,
  TSettings extends Record<string, unknown> = Record<string, never>,
>(metric: MetricSpec<TId, TSettings>): MetricDefinition<TId, TSettings> {
  if (!metricIdPattern.test(metric.id)) {
    throw new CxError('CXKIT_PLUGIN_INVALID', `metric id '${metric.id}' must be lower-case kebab-case`)
  }
  if (Boolean(metric.workspaceSettingsSchema) !== Boolean(metric.workspaceSettingsDefaults)) {
    throw new CxError(
      'CXKIT_PLUGIN_INVALID',
      `metric '${metric.id}' needs both workspaceSettingsSchema and workspaceSettingsDefaults, or neither`,
    )
  }
  return Object.freeze({ ...metric, groupBy: metric.groupBy ?? [], filters: metric.filters ?? [] })
}

/**
 * Whether a metric's list of groupings or filters offers a key; `attr.*` in the list offers every `attr.<key>`.
 *
 * @example
 * metricOffers(['month', 'attr.*'], 'attr.industry') // true
 */
export function metricOffers(offered: readonly string[], key: string): boolean {
  return offered.includes(key) || (key.startsWith('attr.') && offered.includes('attr.*'))
}

/**
 * How `key` writes the group whose dimension has no value (no touchpoint, an empty segment); its entry
 * in `keys` is null, so it never mixes with a dimension whose value is this very text.
 */
export const noValueLabel = '(no value)'

/**
 * A breakdown row's keys from the `g0`, `g1`, … columns of an aggregate query grouped by `groupBy`.
 * Null and empty text are both "no value" (group by `ctx.sql.groupKey` so they are one group).
 *
 * @example
 * breakdownKeys({ g0: '2026-01-05', g1: null }, ['week', 'touchpoint']) // { key: '2026-01-05 × (no value)', keys: ['2026-01-05', null] }
 */
export function breakdownKeys(
  row: Record<string, unknown>,
  groupBy: readonly string[],
): { key: string; keys: (string | null)[] } {
  const keys = groupBy.map((_, index) => {
    const value = row[`g${index}`]
    return value === null || value === undefined || value === '' ? null : String(value)
  })
  return { key: keys.map((key) => key ?? noValueLabel).join(' × '), keys }
}

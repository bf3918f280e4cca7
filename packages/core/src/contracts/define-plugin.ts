import type { Migration } from 'kysely'
import type { z } from 'zod'
import { CxError } from '../errors/cx-error.js'
import { parseInput } from '../errors/validation-error.js'
import type { PluginBodyLimits } from './body-limits.js'
import type { DemoSeedContext } from './demo-seed.js'
import type { Contribution } from './define-extension-point.js'
import type { ImporterDefinition } from './define-importer.js'
import type { StageModel } from './define-stage.js'
import type { MetricDefinition } from './define-metric.js'
import type { TouchpointDefinition } from './define-touchpoint.js'
import type { LocalizedText } from './localized-text.js'
import type { PluginContext } from './plugin-context.js'
import type { KnownPluginId } from './plugin-registry.js'

/** Anything that answers fetch requests: a Hono app (preferred: its routes join the OpenAPI document). */
export interface FetchApp {
  fetch(request: Request, ...rest: any[]): Response | Promise<Response>
}

/** A dashboard panel a plugin contributes: a custom element defined by the plugin's dashboard module. */
export interface PanelDefinition {
  readonly tag: `${string}-${string}`
  readonly title: LocalizedText
  /** The metric the panel shows, if any; the dashboard passes it the current workspace and period. */
  readonly metric?: string
  readonly size?: 'small' | 'wide'
  /** JSON-safe values set on the element as properties (a target line, say); never secrets. */
  readonly props?: Readonly<Record<string, string | number | boolean | null>>
}

/** Work a plugin runs in the background while the app serves. */
export interface BackgroundWork {
  stop(): Promise<void>
}

/** Pages a plugin serves to the public, outside `/api` and the dashboard. */
export interface PluginPages<TSettings = unknown> {
  /** A path prefix such as `/s`; `/api` and `/assets` are the server's own. */
  readonly path: `/${string}`
  /**
   * Pages limit the bodies they read themselves (`bodyLimits.pageForm` suits a form), so that a refusal
   * can be a page in the visitor's language rather than a problem document.
   */
  routes(ctx: PluginContext<TSettings>): FetchApp
}

/** A page of its own in the dashboard (a survey builder, a journey map), shown in the navigation. */
export interface DashboardPageDefinition {
  /** The page's address: `#/p/<path>`. */
  readonly path: string
  readonly tag: `${string}-${string}`
  readonly title: LocalizedText
}

export interface PluginPanels {
  /** Module specifier the dashboard build imports to define the tags, e.g. `@cxkit/plugin-nps/dashboard`. */
  readonly module: string
  readonly elements: readonly PanelDefinition[]
  readonly pages?: readonly DashboardPageDefinition[]
}

/** What a plugin author writes. */
export interface PluginSpec<
  TId extends string,
  TSettingsSchema extends z.ZodType | undefined,
  TMetricId extends string = string,
  TDependency extends string = KnownPluginId,
> {
  id: TId
  version: string
  description?: LocalizedText
  /** Plugins this one builds on, by id: only registered ids compile (see `PluginRegistry`). */
  dependsOn?: readonly TDependency[]
  /** Kysely migrations keyed `NNN_verb_noun`; they run in key order, in the plugin's own migration table. */
  migrations?: Readonly<Record<string, Migration>>
  touchpoints?: readonly TouchpointDefinition[]
  /** Spreadsheet importers, by entity (`cxkit import --entity <entity>`). */
  importers?: readonly ImporterDefinition[]
  stageModels?: readonly StageModel[]
  metrics?: readonly MetricDefinition<TMetricId>[]
  routes?: (ctx: PluginContext<SettingsOf<TSettingsSchema>>) => FetchApp
  /**
   * Routes whose request bodies may be larger (a batch import) or must be smaller (a public endpoint)
   * than `bodyLimits.json`, which every other route of the plugin gets: `{ 'POST /responses': bodyLimits.batch }`.
   */
  bodyLimits?: PluginBodyLimits
  panels?: PluginPanels
  /** Public pages outside the API (a survey page at `/s/<token>`), mounted at `path`. */
  pages?: PluginPages<SettingsOf<TSettingsSchema>>
  /**
   * What this plugin hands to other plugins, through their typed extension points: the survey engine
   * reads every enabled plugin's `contribute(questionTypesPoint, …)`, so a question type is a plugin.
   */
  contributes?: readonly Contribution<any>[]
  settingsSchema?: TSettingsSchema
  /** The raw options the plugin factory received; parsed with `settingsSchema`. */
  settings?: unknown
  /**
   * Starts background work (delivering webhooks, say) when an app starts serving; the returned
   * `stop` is awaited on shutdown. Not called by `createServer`, so tests drive such work directly.
   */
  start?: (ctx: PluginContext<SettingsOf<TSettingsSchema>>) => BackgroundWork
  /** Adds the plugin's share of the demo workspace (`cxkit seed`, first start of the bundled app). */
  seedDemo?: (ctx: PluginContext<SettingsOf<TSettingsSchema>>, demo: DemoSeedContext) => Promise<void>
}

export type SettingsOf<S> = S extends z.ZodType ? z.output<S> : undefined

/**
 * A plugin as the host sees it: frozen data, settings parsed. Its id, metric ids and dependencies are
 * literal types, so configs and typed clients check what they name against it.
 */
export interface PluginDefinition<
  TId extends string = string,
  TSettings = unknown,
  TMetricId extends string = string,
  TDependency extends string = string,
> {
  readonly id: TId
  readonly version: string
  readonly description?: LocalizedText
  readonly dependsOn: readonly TDependency[]
  readonly migrations: Readonly<Record<string, Migration>>
  readonly touchpoints: readonly TouchpointDefinition[]
  readonly importers: readonly ImporterDefinition[]
  readonly stageModels: readonly StageModel[]
  readonly metrics: readonly MetricDefinition<TMetricId>[]
  // Method syntax on purpose: it keeps a plugin with typed settings assignable to PluginDefinition<string>.
  routes?(ctx: PluginContext<TSettings>): FetchApp
  readonly bodyLimits: PluginBodyLimits
  readonly panels?: PluginPanels
  readonly pages?: PluginPages<TSettings>
  readonly settings: TSettings
  readonly contributes: readonly Contribution<any>[]
  seedDemo?(ctx: PluginContext<TSettings>, demo: DemoSeedContext): Promise<void>
  start?(ctx: PluginContext<TSettings>): BackgroundWork
}

const pluginIdPattern = /^[a-z][a-z0-9-]{0,47}$/
const versionPattern = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/

/**
 * Declares a plugin: plain frozen data, no side effects. Call it from a factory so users can pass options.
 *
 * @example
 * export const fcrPlugin = (options?: { target?: number }) =>
 *   definePlugin({ id: 'fcr', version: '0.1.0', metrics: [fcr], settingsSchema, settings: options })
 */
export function definePlugin<
  const TId extends string,
  TSettingsSchema extends z.ZodType | undefined = undefined,
  const TMetricId extends string = never,
  const TDependency extends KnownPluginId = never,
>(
  spec: PluginSpec<TId, TSettingsSchema, TMetricId, TDependency>,
): PluginDefinition<TId, SettingsOf<TSettingsSchema>, TMetricId, TDependency> {
  if (!pluginIdPattern.test(spec.id)) {
    throw new CxError('CXKIT_PLUGIN_INVALID', `plugin id '${spec.id}' must be lower-case kebab-case (max 48)`)
  }
  if (!versionPattern.test(spec.version)) {
    throw new CxError('CXKIT_PLUGIN_INVALID', `plugin '${spec.id}' has version '${spec.version}', not semver`)
  }
  if (spec.pages && (!/^\/[a-z0-9-]+$/.test(spec.pages.path) || ['/api', '/assets'].includes(spec.pages.path))) {
    throw new CxError(
      'CXKIT_PLUGIN_INVALID',
      `plugin '${spec.id}' cannot serve pages at '${spec.pages.path}': use one path segment other than /api and /assets`,
    )
  }
  const settings = spec.settingsSchema ? parseInput(spec.settingsSchema, spec.settings ?? {}, 'config') : undefined
  return Object.freeze({
    id: spec.id,
    version: spec.version,
    description: spec.description,
    dependsOn: Object.freeze([...(spec.dependsOn ?? [])]),
    migrations: Object.freeze({ ...(spec.migrations ?? {}) }),
    touchpoints: Object.freeze([...(spec.touchpoints ?? [])]),
    importers: Object.freeze([...(spec.importers ?? [])]),
    stageModels: Object.freeze([...(spec.stageModels ?? [])]),
    metrics: Object.freeze([...(spec.metrics ?? [])]),
    routes: spec.routes,
    bodyLimits: Object.freeze({ ...(spec.bodyLimits ?? {}) }),
    panels: spec.panels,
    pages: spec.pages,
    settings: settings as SettingsOf<TSettingsSchema>,
    contributes: Object.freeze([...(spec.contributes ?? [])]),
    seedDemo: spec.seedDemo,
    start: spec.start,
  }) as PluginDefinition<TId, SettingsOf<TSettingsSchema>, TMetricId, TDependency>
}

import type { Migration } from 'kysely'
import type { z } from 'zod'
import { CxError } from '../errors/cx-error.js'
import { parseInput } from '../errors/validation-error.js'
import type { PluginBodyLimits } from './body-limits.js'
import type { DemoSeedContext } from './demo-seed.js'
import type { Contribution } from './define-extension-point.js'
import type { ImportEntity } from './import-entity.js'
import type { StageModel } from './define-stage.js'
import type { MetricDefinition } from './define-metric.js'
import type { TouchpointDefinition } from './define-touchpoint.js'
import type { FetchApp } from './fetch-app.js'
import type { LocalizedText } from './localized-text.js'
import type { PluginContext } from './plugin-context.js'
import type { PluginDashboard } from './plugin-dashboard.js'
import type { OptionsOf, PluginFactoryArgs } from './plugin-options.js'
import type { PluginPublicPages } from './plugin-public-pages.js'
import type { KnownPluginId } from './plugin-registry.js'

export type { FetchApp } from './fetch-app.js'

/** Work a plugin runs in the background while the app serves. */
export interface BackgroundWork {
  stop(): Promise<void>
}

/**
 * The capabilities of a plugin. Write each at the top level of `definePlugin`, or return it from `setup`
 * when it depends on the plugin's options.
 */
export interface PluginParts<TOptions, TMetricId extends string = string, TDependency extends string = KnownPluginId> {
  /** Plugins this one builds on, by id: only registered ids compile (see `PluginRegistry`). */
  dependsOn?: readonly TDependency[]
  /** Kysely migrations keyed `NNN_verb_noun`; they run in key order, in the plugin's own migration table. */
  migrations?: Readonly<Record<string, Migration>>
  touchpoints?: readonly TouchpointDefinition[]
  /** Entities rows can be imported into (`cxkit import <file> --entity <entity>`), for the tables this plugin owns. */
  importers?: readonly ImportEntity[]
  stageModels?: readonly StageModel[]
  metrics?: readonly MetricDefinition<TMetricId>[]
  routes?: (ctx: PluginContext<TOptions>) => FetchApp
  /**
   * Routes whose request bodies may be larger (a batch import) or must be smaller (a public endpoint)
   * than `bodyLimits.json`, which every other route of the plugin gets: `{ 'POST /responses': bodyLimits.batch }`.
   */
  bodyLimits?: PluginBodyLimits
  /**
   * Routes that read their request body themselves, as a stream (a multipart file upload written to
   * disk), keyed as `bodyLimits` with the largest body each takes: the server neither reads these bodies
   * first nor refuses them for being multipart, and refuses a declared `Content-Length` over the limit.
   * The route must count what it reads and stop at the limit. `{ 'POST /uploads': bodyLimits.upload }`.
   */
  streamedBodies?: PluginBodyLimits
  /** Panels (metric cards) and pages the plugin adds to the dashboard. */
  dashboard?: PluginDashboard
  /** Public pages outside the API (a survey page at `/s/<token>`), mounted at `path`. */
  publicPages?: PluginPublicPages<TOptions>
  /**
   * What this plugin hands to other plugins, through their typed extension points: the survey engine
   * reads every enabled plugin's `contribute(questionTypesPoint, …)`, so a question type is a plugin.
   */
  contributes?: readonly Contribution<any>[]
  /**
   * Starts background work (delivering webhooks, say) when an app starts serving; the returned
   * `stop` is awaited on shutdown. Not called by `createServer`, so tests drive such work directly.
   */
  start?: (ctx: PluginContext<TOptions>) => BackgroundWork
  /** Adds the plugin's share of the demo workspace (`cxkit seed`, first start of the bundled app). */
  seedDemo?: (ctx: PluginContext<TOptions>, demo: DemoSeedContext) => Promise<void>
}

/** What a plugin author writes. */
export interface PluginSpec<
  TId extends string,
  TOptionsSchema extends z.ZodType | undefined,
  TMetricId extends string = string,
  TDependency extends string = KnownPluginId,
> extends PluginParts<OptionsOf<TOptionsSchema>, TMetricId, TDependency> {
  id: TId
  version: string
  description?: LocalizedText
  /** Validates what users pass to the plugin factory; its output is the `options` every part receives. */
  optionsSchema?: TOptionsSchema
  /** The parts that depend on the options, given the parsed options; they win over the same parts written beside. */
  setup?: (options: OptionsOf<TOptionsSchema>) => PluginParts<OptionsOf<TOptionsSchema>, TMetricId, TDependency>
}

/**
 * A plugin as the host sees it: frozen data, options parsed. Its id, metric ids and dependencies are
 * literal types, so configs and typed clients check what they name against it.
 */
export interface PluginDefinition<
  TId extends string = string,
  TOptions = unknown,
  TMetricId extends string = string,
  TDependency extends string = string,
> {
  readonly id: TId
  readonly version: string
  readonly description?: LocalizedText
  readonly dependsOn: readonly TDependency[]
  readonly migrations: Readonly<Record<string, Migration>>
  readonly touchpoints: readonly TouchpointDefinition[]
  readonly importers: readonly ImportEntity[]
  readonly stageModels: readonly StageModel[]
  readonly metrics: readonly MetricDefinition<TMetricId>[]
  // Method syntax on purpose: it keeps a plugin with typed options assignable to PluginDefinition<string>.
  routes?(ctx: PluginContext<TOptions>): FetchApp
  readonly bodyLimits: PluginBodyLimits
  readonly streamedBodies: PluginBodyLimits
  readonly dashboard?: PluginDashboard
  readonly publicPages?: PluginPublicPages<TOptions>
  readonly options: TOptions
  readonly contributes: readonly Contribution<any>[]
  seedDemo?(ctx: PluginContext<TOptions>, demo: DemoSeedContext): Promise<void>
  start?(ctx: PluginContext<TOptions>): BackgroundWork
}

/** What `definePlugin` returns: call it with the plugin's options (if any) to get the plugin. */
export type PluginFactory<
  TId extends string,
  TOptionsSchema extends z.ZodType | undefined,
  TMetricId extends string,
  TDependency extends string,
> = (
  ...options: PluginFactoryArgs<TOptionsSchema>
) => PluginDefinition<TId, OptionsOf<TOptionsSchema>, TMetricId, TDependency>

const pluginIdPattern = /^[a-z][a-z0-9-]{0,47}$/
const versionPattern = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/

/**
 * Declares a plugin as an options factory: the options are parsed once, with `optionsSchema`, each time
 * the factory is called, and reach `setup`, routes, metrics, background work, public pages and demo
 * seeding typed as `options` / `ctx.options`. The plugin itself is plain frozen data.
 *
 * @example
 * export const fcrPlugin = definePlugin({ id: 'fcr', version: '0.1.0', metrics: [fcr] })
 * export const csatPlugin = definePlugin({
 *   id: 'csat', version: '0.1.0', optionsSchema: csatOptionsSchema,
 *   setup: (options) => ({ dependsOn: ['surveys'], metrics: csatMetrics(options) }),
 * })
 * csatPlugin({ scale: 10 })
 */
export function definePlugin<
  const TId extends string,
  TOptionsSchema extends z.ZodType | undefined = undefined,
  const TMetricId extends string = never,
  const TDependency extends KnownPluginId = never,
>(
  spec: PluginSpec<TId, TOptionsSchema, TMetricId, TDependency>,
): PluginFactory<TId, TOptionsSchema, TMetricId, TDependency> {
  if (!pluginIdPattern.test(spec.id)) {
    throw new CxError('CXKIT_PLUGIN_INVALID', `plugin id '${spec.id}' must be lower-case kebab-case (max 48)`)
  }
  if (!versionPattern.test(spec.version)) {
    throw new CxError('CXKIT_PLUGIN_INVALID', `plugin '${spec.id}' has version '${spec.version}', not semver`)
  }
  const { id, version, description, optionsSchema, setup, ...staticParts } = spec
  return (...args) => {
    const options = parseOptions<TOptionsSchema>(optionsSchema, args[0])
    return freezePlugin(id, version, description, options, { ...staticParts, ...setup?.(options) })
  }
}

function parseOptions<TOptionsSchema extends z.ZodType | undefined>(
  schema: TOptionsSchema | undefined,
  input: unknown,
): OptionsOf<TOptionsSchema> {
  // Without a schema there are no options: the conditional type says so too.
  return (schema ? parseInput(schema, input ?? {}, 'config') : undefined) as OptionsOf<TOptionsSchema>
}

function freezePlugin<TId extends string, TOptions, TMetricId extends string, TDependency extends string>(
  id: TId,
  version: string,
  description: LocalizedText | undefined,
  options: TOptions,
  parts: PluginParts<TOptions, TMetricId, TDependency>,
): PluginDefinition<TId, TOptions, TMetricId, TDependency> {
  const publicPath = parts.publicPages?.path
  if (publicPath !== undefined && (!/^\/[a-z0-9-]+$/.test(publicPath) || ['/api', '/assets'].includes(publicPath))) {
    throw new CxError(
      'CXKIT_PLUGIN_INVALID',
      `plugin '${id}' cannot serve pages at '${publicPath}': use one path segment other than /api and /assets`,
    )
  }
  return Object.freeze({
    id,
    version,
    description,
    dependsOn: Object.freeze([...(parts.dependsOn ?? [])]),
    migrations: Object.freeze({ ...(parts.migrations ?? {}) }),
    touchpoints: Object.freeze([...(parts.touchpoints ?? [])]),
    importers: Object.freeze([...(parts.importers ?? [])]),
    stageModels: Object.freeze([...(parts.stageModels ?? [])]),
    metrics: Object.freeze([...(parts.metrics ?? [])]),
    routes: parts.routes,
    bodyLimits: Object.freeze({ ...(parts.bodyLimits ?? {}) }),
    streamedBodies: Object.freeze({ ...(parts.streamedBodies ?? {}) }),
    dashboard: parts.dashboard,
    publicPages: parts.publicPages,
    options,
    contributes: Object.freeze([...(parts.contributes ?? [])]),
    seedDemo: parts.seedDemo,
    start: parts.start,
  })
}

import { ContextProvider } from '@lit/context'
import type { ReactiveControllerHost } from 'lit'
import type { ApiClient, PluginDescription } from '../api/api-client.js'
import {
  apiContext,
  type DashboardPeriod,
  localeContext,
  periodContext,
  registryContext,
  workspaceContext,
} from './dashboard-context.js'

/** What a dashboard shell hands to every page and panel below it. */
export interface DashboardContextValues {
  api: ApiClient
  workspace: string
  period: DashboardPeriod
  locale: string
  registry: readonly PluginDescription[] | null
}

/**
 * Provides api, workspace, period, locale and registry from a shell element to every element below it,
 * through shadow roots; consumers are told each time a value changes.
 *
 * @example
 * private readonly context = new DashboardContextProvider(this, { api, workspace: '', period, locale: 'en', registry: [] })
 * override willUpdate() { this.context.set({ workspace: this.workspace }) }
 */
export class DashboardContextProvider {
  private readonly providers: {
    api: ContextProvider<typeof apiContext>
    workspace: ContextProvider<typeof workspaceContext>
    period: ContextProvider<typeof periodContext>
    locale: ContextProvider<typeof localeContext>
    registry: ContextProvider<typeof registryContext>
  }

  constructor(host: ReactiveControllerHost & HTMLElement, initial: DashboardContextValues) {
    this.providers = {
      api: new ContextProvider(host, { context: apiContext, initialValue: initial.api }),
      workspace: new ContextProvider(host, { context: workspaceContext, initialValue: initial.workspace }),
      period: new ContextProvider(host, { context: periodContext, initialValue: initial.period }),
      locale: new ContextProvider(host, { context: localeContext, initialValue: initial.locale }),
      registry: new ContextProvider(host, { context: registryContext, initialValue: initial.registry }),
    }
  }

  /** Changes some values; consumers of a value that did not change (by identity) are not told. */
  set(values: Partial<DashboardContextValues>): void {
    const { api, workspace, period, locale, registry } = values
    if (api !== undefined) this.providers.api.setValue(api)
    if (workspace !== undefined) this.providers.workspace.setValue(workspace)
    if (period !== undefined) this.providers.period.setValue(period)
    if (locale !== undefined) this.providers.locale.setValue(locale)
    if (registry !== undefined) this.providers.registry.setValue(registry)
  }
}

import type { FetchApp } from './fetch-app.js'
import type { PluginContext } from './plugin-context.js'

/**
 * HTTP pages a plugin serves to the public, outside `/api` and the dashboard (a survey page at `/s/<token>`).
 *
 * @example
 * const publicPages: PluginPublicPages = { path: '/s', routes: (ctx) => new Hono().get('/:token', (c) => c.html('…')) }
 */
export interface PluginPublicPages<TOptions = unknown> {
  /** A path prefix such as `/s`; `/api` and `/assets` are the server's own. */
  readonly path: `/${string}`
  /**
   * Pages limit the bodies they read themselves (`bodyLimits.pageForm` suits a form), so that a refusal
   * can be a page in the visitor's language rather than a problem document.
   */
  routes(ctx: PluginContext<TOptions>): FetchApp
}

import { createContext } from '@lit/context'
import type { ApiClient, PluginDescription } from '../api/api-client.js'

/** The period a dashboard shows: half-open [from, to), ISO dates. */
export interface DashboardPeriod {
  from: string
  to: string
}

// Keys made with Symbol.for, so that two copies of @cxkit/ui in one page (a plugin built against another
// version) still find the shell's values.

/** The API client of the dashboard shell. */
export const apiContext = createContext<ApiClient>(Symbol.for('cxkit.api'))
/** The id of the workspace the dashboard shows. */
export const workspaceContext = createContext<string>(Symbol.for('cxkit.workspace'))
/** The period the dashboard shows. */
export const periodContext = createContext<DashboardPeriod>(Symbol.for('cxkit.period'))
/** The reader's language (`en`, `nl`). */
export const localeContext = createContext<string>(Symbol.for('cxkit.locale'))
/** The plugin registry (`GET /api/plugins`): every enabled plugin with its metric descriptions; null until read. */
export const registryContext = createContext<readonly PluginDescription[] | null>(Symbol.for('cxkit.registry'))

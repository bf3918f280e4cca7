import {
  type CustomerInput,
  createHost,
  customerSchema,
  type Host,
  type MetricIdOf,
  type MetricResult,
  type PluginDefinition,
} from '@cxkit/core'
import { type CxDatabase, createWorkspace, insertCustomers, migrate } from '@cxkit/db'
import { type TestDialect, testDialects } from '@cxkit/db/testing'
import { type CxServerApp, createServer } from '@cxkit/server'

type PluginEntry = PluginDefinition | false | null | undefined

export interface TestAppOptions<TPlugins extends readonly PluginEntry[] = readonly PluginEntry[]> {
  plugins: TPlugins
  /** Which database to run on (see `testDialects()`); default: a fresh in-memory SQLite. */
  dialect?: TestDialect
  /** The workspace created for the test; default `test`. */
  workspace?: string
}

export interface MetricCall {
  period: { from: string; to: string }
  groupBy?: string
  filters?: Record<string, string>
}

/**
 * A running cxkit on a real database: the app answers real HTTP requests without a socket.
 * `TMetricId` is the union of the metric ids its plugins declare, so a misspelt id fails to compile.
 */
export interface TestApp<TMetricId extends string = string> {
  readonly app: CxServerApp
  readonly database: CxDatabase
  readonly host: Host
  readonly workspace: string
  /** `fetch` against the app: `await test.request('/api/health')`. */
  request(path: string, init?: RequestInit): Promise<Response>
  /** JSON request helper that throws on a non-2xx answer, showing the problem document. */
  json<T = unknown>(path: string, init?: Omit<RequestInit, 'body'> & { body?: unknown }): Promise<T>
  /** Adds customers to the test workspace; returns their internal ids. */
  addCustomers(customers: readonly CustomerInput[]): Promise<string[]>
  readonly api: {
    /** Computes a metric through `GET /api/metrics/:id` for the test workspace. */
    metric(id: TMetricId, call: MetricCall): Promise<MetricResult>
  }
  close(): Promise<void>
}

/**
 * Boots plugins the way the bundled app does: a real database, every migration, the real Hono app.
 *
 * @example
 * const test = await createTestApp({ plugins: [fcrPlugin()] })
 * expect((await test.api.metric('fcr', { period })).value).toBeCloseTo(2 / 3)
 */
export async function createTestApp<const TPlugins extends readonly PluginEntry[]>(
  options: TestAppOptions<TPlugins>,
): Promise<TestApp<MetricIdOf<TPlugins[number]>>> {
  const dialect = options.dialect ?? testDialects()[0]!
  const database = await dialect.open()
  try {
    const host = createHost(options.plugins)
    await migrate(database, host)
    const workspace = options.workspace ?? 'test'
    await createWorkspace(database, { id: workspace, name: `Test ${workspace}`, locale: 'en' })
    const app = createServer({ plugins: host, db: database })
    const request = async (path: string, init?: RequestInit) => app.request(path, init)
    const json = async <T>(path: string, init: Omit<RequestInit, 'body'> & { body?: unknown } = {}): Promise<T> => {
      const body = init.body === undefined || typeof init.body === 'string' ? init.body : JSON.stringify(init.body)
      const headers = { 'content-type': 'application/json', ...(init.headers as Record<string, string> | undefined) }
      const response = await app.request(path, { ...init, body, headers })
      const text = await response.text()
      if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path} answered ${response.status}: ${text}`)
      return (text ? JSON.parse(text) : undefined) as T
    }
    return {
      app,
      database,
      host,
      workspace,
      request,
      json,
      addCustomers: (customers) =>
        insertCustomers(
          database,
          workspace,
          customers.map((c) => customerSchema.parse(c)),
        ),
      api: {
        metric(id, call) {
          const params = new URLSearchParams({ workspace, from: call.period.from, to: call.period.to })
          if (call.groupBy) params.set('groupBy', call.groupBy)
          for (const [key, value] of Object.entries(call.filters ?? {})) params.set(key, value)
          return json<MetricResult>(`/api/metrics/${encodeURIComponent(id)}?${params}`)
        },
      },
      close: () => database.close(),
    }
  } catch (error) {
    await database.close()
    throw error
  }
}

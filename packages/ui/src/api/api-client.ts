import type { KnownMetricId, MetricDescription, MetricResult, PluginDescription } from '@cxkit/core'

export type { MetricDescription, MetricResult, PluginDescription }

export interface WorkspaceSummary {
  id: string
  name: string
  locale: 'en' | 'nl'
  createdAt: string
}

export interface MetricRequest {
  workspace: string
  from: string
  to: string
  groupBy?: string
  filters?: Record<string, string>
  /** 'previous': also test the change against the period before. */
  compare?: 'previous'
}

/** A failed API call, carrying the server's problem document. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: { detail?: string; code?: string; errors?: { field: string; message: string }[] } | null,
  ) {
    super(problem?.detail ?? `the server answered ${status}`)
    this.name = 'ApiError'
  }
}

/**
 * The typed client the dashboard and panels use to talk to `/api`. Metric ids are the ones the
 * client was created for, so a misspelt id fails to compile. Generic code that passes ids it was
 * handed (a panel's `metric`) takes an `ApiClient<string>`, the default.
 */
export interface ApiClient<TMetricId extends string = string> {
  plugins(): Promise<PluginDescription[]>
  workspaces(): Promise<WorkspaceSummary[]>
  metric(id: TMetricId, request: MetricRequest, signal?: AbortSignal): Promise<MetricResult>
  get<T>(path: string, signal?: AbortSignal): Promise<T>
  /** Sends `body` as JSON; resolves with the JSON answer (undefined for 204), rejects with an {@link ApiError}. */
  post<T>(path: string, body?: unknown, signal?: AbortSignal): Promise<T>
  put<T>(path: string, body?: unknown, signal?: AbortSignal): Promise<T>
  patch<T>(path: string, body?: unknown, signal?: AbortSignal): Promise<T>
  delete<T>(path: string, signal?: AbortSignal): Promise<T>
}

type Verb = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/**
 * Creates a client for a cxkit server; `baseUrl` defaults to the page's own origin. Its metric ids are
 * those of the plugins the compilation registers (`PluginRegistry`), or the union given.
 *
 * @example
 * const api = createApiClient()
 * const nps = await api.metric('nps', { workspace: 'demo', from: '2026-01-01', to: '2026-04-01' })
 */
export function createApiClient<TMetricId extends string = KnownMetricId>(baseUrl = ''): ApiClient<TMetricId> {
  async function send<T>(method: Verb, path: string, body: unknown, signal?: AbortSignal): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' }
    if (body !== undefined) headers['content-type'] = 'application/json'
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    })
    if (!response.ok) {
      const problem = await response.json().catch(() => null)
      throw new ApiError(response.status, problem)
    }
    if (response.status === 204) return undefined as T
    return (await response.json()) as T
  }
  const get = <T>(path: string, signal?: AbortSignal) => send<T>('GET', path, undefined, signal)
  return {
    get,
    post: (path, body, signal) => send('POST', path, body, signal),
    put: (path, body, signal) => send('PUT', path, body, signal),
    patch: (path, body, signal) => send('PATCH', path, body, signal),
    delete: (path, signal) => send('DELETE', path, undefined, signal),
    plugins: () => get('/api/plugins'),
    workspaces: () => get('/api/workspaces'),
    metric(id, request, signal) {
      const params = new URLSearchParams({ workspace: request.workspace, from: request.from, to: request.to })
      if (request.groupBy) params.set('groupBy', request.groupBy)
      if (request.compare) params.set('compare', request.compare)
      for (const [key, value] of Object.entries(request.filters ?? {})) params.set(key, value)
      return get(`/api/metrics/${encodeURIComponent(id)}?${params}`, signal)
    },
  }
}

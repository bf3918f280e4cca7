import { type ApiClient, ApiError } from '@cxkit/ui'
import type { MapFormDetail } from './cx-journey-map-form.js'
import type { MapContent, MapExport, MapSummary, MapVersionSummary, MapView } from '../map-model.js'

/** A touchpoint as `POST /api/touchpoints` takes it. */
export interface NewTouchpoint {
  id: string
  name: string
  stageId: string
  channel: string
  ownerTeam?: string
}

const base = '/api/journey/maps'
const q = (workspace: string) => `workspace=${encodeURIComponent(workspace)}`
const one = (id: string) => `${base}/${encodeURIComponent(id)}`

/**
 * The Journey page's calls: `/api/journey/maps…` and core's `/api/touchpoints`.
 *
 * @example
 * const view = await journeyApi(this.api).view('acme', 'starter')
 */
export function journeyApi(api: ApiClient) {
  return {
    list: (workspace: string, signal?: AbortSignal) =>
      api.get<{ maps: MapSummary[] }>(`${base}?${q(workspace)}`, signal).then((answer) => answer.maps),
    create: (workspace: string, details: MapFormDetail) =>
      api.post<{ map: MapSummary }>(`${base}?${q(workspace)}`, details).then((answer) => answer.map),
    update: (workspace: string, { id, ...details }: MapFormDetail) =>
      api.patch<{ map: MapSummary }>(`${one(id)}?${q(workspace)}`, details).then((answer) => answer.map),
    view: (workspace: string, id: string, version?: number, signal?: AbortSignal) =>
      api.get<MapView>(`${one(id)}?${q(workspace)}${version ? `&version=${version}` : ''}`, signal),
    versions: (workspace: string, id: string, signal?: AbortSignal) =>
      api
        .get<{ versions: MapVersionSummary[] }>(`${one(id)}/versions?${q(workspace)}&limit=100`, signal)
        .then((answer) => answer.versions),
    save: (workspace: string, id: string, baseVersion: number, content: MapContent) =>
      api
        .post<{ map: MapSummary }>(`${one(id)}/versions?${q(workspace)}`, { baseVersion, content })
        .then((answer) => answer.map),
    remove: (workspace: string, id: string) => api.delete<void>(`${one(id)}?${q(workspace)}`),
    import: (workspace: string, document: unknown) =>
      api.post<{ map: MapSummary }>(`${base}/import?${q(workspace)}`, document).then((answer) => answer.map),
    addTouchpoint: (workspace: string, touchpoint: NewTouchpoint) =>
      api.post<unknown>(`/api/touchpoints?${q(workspace)}`, touchpoint),
  }
}

export type JourneyApi = ReturnType<typeof journeyApi>
export type { MapExport }

/** The version a stale save ran into, from the 409 problem's `currentVersion`; undefined for any other failure. */
export function staleVersionOf(error: unknown): number | undefined {
  if (!(error instanceof ApiError) || error.status !== 409) return undefined
  const current = (error.problem as { currentVersion?: unknown } | null)?.currentVersion
  return typeof current === 'number' ? current : undefined
}

/** What to show for a failed call: the fields the server names, or its detail. */
export function describeFailure(error: unknown): string {
  if (error instanceof ApiError && error.problem?.errors?.length)
    return error.problem.errors.map((problem) => `${problem.field}: ${problem.message}`).join('; ')
  return error instanceof Error ? error.message : String(error)
}

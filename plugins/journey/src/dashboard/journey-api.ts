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

/** A touchpoint's changes as `PATCH /api/touchpoints/{id}` takes them: `null` clears a field. */
export interface TouchpointChanges {
  name?: string
  stageId?: string
  channel?: string
  ownerTeam?: string | null
  description?: string | null
}

/** A stage as `/api/stages` lists it. */
export interface WorkspaceStage {
  id: string
  label: { en: string; nl?: string }
  position: number
  touchpointCount: number
}

/** Rows of one table that name a touchpoint. */
export interface TouchpointReference {
  table: string
  rows: number
}

const base = '/api/journey/maps'
const q = (workspace: string) => `workspace=${encodeURIComponent(workspace)}`
const one = (id: string) => `${base}/${encodeURIComponent(id)}`
const touchpoint = (id: string) => `/api/touchpoints/${encodeURIComponent(id)}`
const stage = (id: string) => `/api/stages/${encodeURIComponent(id)}`

/**
 * The Journey page's calls: `/api/journey/maps…` and core's `/api/touchpoints` and `/api/stages`.
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
    changeTouchpoint: (workspace: string, id: string, changes: TouchpointChanges) =>
      api.patch<unknown>(`${touchpoint(id)}?${q(workspace)}`, changes),
    touchpointReferences: (workspace: string, id: string, signal?: AbortSignal) =>
      api
        .get<{ references: TouchpointReference[] }>(`${touchpoint(id)}/references?${q(workspace)}`, signal)
        .then((answer) => answer.references),
    removeTouchpoint: (workspace: string, id: string) => api.delete<void>(`${touchpoint(id)}?${q(workspace)}`),
    stages: (workspace: string, signal?: AbortSignal) =>
      api.get<{ stages: WorkspaceStage[] }>(`/api/stages?${q(workspace)}`, signal).then((answer) => answer.stages),
    addStage: (workspace: string, added: { id: string; label: { en: string; nl?: string }; after?: string }) =>
      api.post<WorkspaceStage>(`/api/stages?${q(workspace)}`, added),
    relabelStage: (workspace: string, id: string, label: { en?: string; nl?: string | null }) =>
      api.patch<WorkspaceStage>(`${stage(id)}?${q(workspace)}`, { label }),
    removeStage: (workspace: string, id: string, moveTo?: string) =>
      api.delete<void>(`${stage(id)}?${q(workspace)}${moveTo ? `&moveTo=${encodeURIComponent(moveTo)}` : ''}`),
    orderStages: (workspace: string, ids: string[]) =>
      api
        .put<{ stages: WorkspaceStage[] }>(`/api/stages/order?${q(workspace)}`, { ids })
        .then((answer) => answer.stages),
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
  // A 409 names the field it is about, but its message is the detail itself: say it once.
  if (error instanceof ApiError && error.status === 409 && error.problem?.detail) return error.problem.detail
  if (error instanceof ApiError && error.problem?.errors?.length)
    return error.problem.errors.map((problem) => `${problem.field}: ${problem.message}`).join('; ')
  return error instanceof Error ? error.message : String(error)
}

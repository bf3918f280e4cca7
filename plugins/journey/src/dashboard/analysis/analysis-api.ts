import type { ApiClient } from '@cxkit/ui'
import type { ExitsResult } from '../../exits/exits-result.js'
import type { FunnelResult } from '../../funnel/funnel-result.js'
import type { PathsResult } from '../../paths/paths-result.js'

/** A stage as `GET /api/workspaces/:id/stages` lists it. */
export interface WorkspaceStage {
  id: string
  labelEn: string
  labelNl?: string | null
  position: number
}

/** A touchpoint as `GET /api/workspaces/:id/touchpoints` lists it. */
export interface WorkspaceTouchpoint {
  id: string
  name: string
  stageId: string
  channel: string
}

/** What a funnel (and its exit ranking) is asked from the dashboard. */
export interface FunnelAsk {
  workspace: string
  steps: string[]
  window: string
  by?: string
  from: string
  to: string
}

function funnelParams(ask: FunnelAsk): URLSearchParams {
  const params = new URLSearchParams({
    workspace: ask.workspace,
    steps: ask.steps.join(','),
    window: ask.window,
    from: ask.from,
    to: ask.to,
  })
  if (ask.by) params.set('by', ask.by)
  return params
}

/**
 * The analysis calls of the Journey page: funnel, exits and paths, and the workspace's stages and
 * touchpoints the pickers offer.
 *
 * @example
 * const funnel = await analysisApi(this.api).funnel({ workspace: 'acme', steps: ['stage:awareness', 'stage:purchase'], window: '14d', from, to })
 */
export function analysisApi(api: ApiClient) {
  const workspacePath = (workspace: string) => `/api/workspaces/${encodeURIComponent(workspace)}`
  return {
    stages: (workspace: string, signal?: AbortSignal) =>
      api
        .get<WorkspaceStage[]>(`${workspacePath(workspace)}/stages`, signal)
        .then((stages) => [...stages].sort((a, b) => a.position - b.position)),
    touchpoints: (workspace: string, signal?: AbortSignal) =>
      api.get<WorkspaceTouchpoint[]>(`${workspacePath(workspace)}/touchpoints`, signal),
    funnel: (ask: FunnelAsk, signal?: AbortSignal) =>
      api.get<FunnelResult>(`/api/journey/funnel?${funnelParams(ask)}`, signal),
    exits: (ask: FunnelAsk, top: number, signal?: AbortSignal) => {
      const params = funnelParams({ ...ask, by: undefined })
      params.set('top', String(top))
      return api.get<ExitsResult>(`/api/journey/exits?${params}`, signal)
    },
    paths: (
      ask: { workspace: string; start?: string; length: number; top: number; from: string; to: string },
      signal?: AbortSignal,
    ) => {
      const params = new URLSearchParams({
        workspace: ask.workspace,
        length: String(ask.length),
        top: String(ask.top),
        from: ask.from,
        to: ask.to,
      })
      if (ask.start) params.set('start', ask.start)
      return api.get<PathsResult>(`/api/journey/paths?${params}`, signal)
    },
  }
}

export type { ExitsResult, FunnelResult, PathsResult }

import { type ApiClient, ApiError } from '@cxkit/ui'
import type { UploadResponse } from '../http/upload-schemas.js'

export type { UploadResponse }

/** A field an entity takes, as `GET /api/crm-import/entities` lists it. */
export interface EntityField {
  name: string
  type: string
  required: boolean
  description: string
}

export interface ImportableEntity {
  entity: string
  description: string
  acceptsAttributes: boolean
  /** Fields of which the mapping must include at least one. */
  requiresOneOf: string[]
  fields: EntityField[]
}

export interface ImportProblem {
  line: number
  column?: string
  message: string
}

export interface ImportReport {
  importId: string
  status: string
  rows: number
  inserted: number
  updated: number
  unchanged: number
  rejected: number
  errors: ImportProblem[]
  errorCount: number
}

export interface ImportJobState {
  id: string
  status: 'running' | 'done' | 'failed'
  progress: { rows: number; bytes: number; totalBytes: number; rowsPerSecond: number }
  report?: ImportReport
  problem?: { status: number; detail: string; errors?: { field: string; message: string }[] }
}

export interface PastImport {
  id: string
  entity: string
  file: string
  actor: string
  status: string
  rows: number
  inserted: number
  updated: number
  unchanged: number
  rejected: number
  startedAt: string
  undoneAt: string | null
  /** True while the rejected rows of a `skip` import can be downloaded. */
  hasRejects: boolean
}

export interface ImportRequest {
  workspace: string
  upload: string
  entity: string
  mapping: Record<string, string | null>
  locale: 'en' | 'nl'
  dateOrder: 'dmy' | 'mdy' | 'ymd'
  onError: 'abort' | 'skip'
  dryRun: boolean
  format?: UploadResponse['format']
  encoding?: UploadResponse['encoding']
  separator?: string
  header?: boolean
}

const base = '/api/crm-import'
const q = (workspace: string) => `workspace=${encodeURIComponent(workspace)}`

/**
 * The wizard's calls to `/api/crm-import`. Uploads go as a multipart form (the JSON client does not
 * send files); everything else through the dashboard's API client.
 *
 * @example
 * const upload = await importApi(this.api).upload('acme', file)
 */
export function importApi(api: ApiClient) {
  return {
    async upload(workspace: string, file: File, signal?: AbortSignal): Promise<UploadResponse> {
      const form = new FormData()
      form.append('file', file, file.name)
      const response = await fetch(`${base}/uploads?${q(workspace)}`, { method: 'POST', body: form, signal })
      if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null))
      return (await response.json()) as UploadResponse
    },
    readAgain(workspace: string, id: string, options: Record<string, string | null>, signal?: AbortSignal) {
      const query = new URLSearchParams({ workspace, ...options })
      return api.get<UploadResponse>(`${base}/uploads/${encodeURIComponent(id)}?${query}`, signal)
    },
    entities: (signal?: AbortSignal) => api.get<ImportableEntity[]>(`${base}/entities`, signal),
    start: (request: ImportRequest) => api.post<{ job: string }>(`${base}/imports`, request),
    job: (workspace: string, id: string, signal?: AbortSignal) =>
      api.get<ImportJobState>(`${base}/imports/jobs/${encodeURIComponent(id)}?${q(workspace)}`, signal),
    history: (workspace: string, signal?: AbortSignal) =>
      api.get<PastImport[]>(`${base}/imports?${q(workspace)}`, signal),
    undo: (workspace: string, id: string) =>
      api.post<{ importId: string; undoneAt: string }>(
        `${base}/imports/${encodeURIComponent(id)}/undo?${q(workspace)}`,
      ),
    rejectsUrl: (workspace: string, id: string) =>
      `${base}/imports/${encodeURIComponent(id)}/rejects.csv?${q(workspace)}`,
  }
}

export type ImportApi = ReturnType<typeof importApi>

/** What to show for a failed call: the server's detail and the fields it names. */
export function describeFailure(error: unknown): string {
  if (error instanceof ApiError && error.problem?.errors?.length)
    return error.problem.errors.map((problem) => `${problem.field}: ${problem.message}`).join('; ')
  return error instanceof Error ? error.message : String(error)
}

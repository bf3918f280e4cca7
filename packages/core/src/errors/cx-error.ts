/** Stable error codes: callers branch on these, never on message text. */
export type CxErrorCode =
  | 'CXKIT_PLUGIN_DUPLICATE_ID'
  | 'CXKIT_PLUGIN_DEPENDENCY_MISSING'
  | 'CXKIT_PLUGIN_DEPENDENCY_CYCLE'
  | 'CXKIT_PLUGIN_INVALID'
  | 'CXKIT_PLUGIN_FAILED'
  | 'CXKIT_MIGRATION_UNKNOWN'
  | 'CXKIT_STAGE_MODEL_INVALID'
  | 'CXKIT_METRIC_DUPLICATE_ID'
  | 'CXKIT_METRIC_NOT_FOUND'
  | 'CXKIT_METRIC_GROUP_UNSUPPORTED'
  | 'CXKIT_VALIDATION_FAILED'
  | 'CXKIT_WORKSPACE_NOT_FOUND'
  | 'CXKIT_CUSTOMER_NOT_FOUND'
  | 'CXKIT_NOT_FOUND'
  | 'CXKIT_CONFLICT'
  | 'CXKIT_CONFIRMATION_REQUIRED'
  | 'CXKIT_FORBIDDEN'
  | 'CXKIT_DATABASE_BUSY'
  | 'CXKIT_BODY_TOO_LARGE'
  | 'CXKIT_MEDIA_TYPE_UNSUPPORTED'
  | 'CXKIT_HOST_NOT_ALLOWED'
  | 'CXKIT_DB_URL_INVALID'
  | 'CXKIT_CONFIG_INVALID'
  | 'CXKIT_QUERY_TIMEOUT'
  | 'CXKIT_QUERY_CANCELLED'
  | 'CXKIT_CLV_INSUFFICIENT_DATA'
  | 'CXKIT_CLV_FIT_FAILED'

/**
 * The one error type cxkit throws on purpose. `status` is the HTTP status the server answers with.
 *
 * @example
 * throw new CxError('CXKIT_METRIC_NOT_FOUND', "metric 'nps' is not registered", { status: 404 })
 */
export class CxError extends Error {
  readonly code: CxErrorCode
  readonly status: number
  readonly details: Record<string, unknown>

  constructor(
    code: CxErrorCode,
    message: string,
    options: { status?: number; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause })
    this.name = 'CxError'
    this.code = code
    this.status = options.status ?? 500
    this.details = options.details ?? {}
  }
}

/** True for any CxError, also one thrown by a second copy of this package. */
export function isCxError(error: unknown): error is CxError {
  return error instanceof Error && error.name === 'CxError' && 'code' in error
}

import { CxError, CxValidationError } from '@cxkit/core'

/** A 409 naming the field whose value is taken or in use. */
export function journeyConflict(field: string, message: string): CxError {
  return new CxError('CXKIT_CONFLICT', message, {
    status: 409,
    details: { fields: [{ field, code: 'conflict', message }] },
  })
}

/** A 400 naming one field. */
export function journeyInvalid(field: string, message: string, code = 'invalid_value'): CxValidationError {
  return new CxValidationError([{ field, code, message }])
}

/** A 404 for a stage or touchpoint the workspace does not have. */
export function journeyNotFound(what: 'stage' | 'touchpoint', id: string, workspace: string): CxError {
  return new CxError('CXKIT_NOT_FOUND', `${what} '${id}' does not exist in workspace '${workspace}'`, { status: 404 })
}

/**
 * A duplicate primary key of `table`, as PostgreSQL (23505) or SQLite says it: the last guard when a
 * write that does not lock the workspace stored the same id in between.
 */
export function isKeyViolation(error: unknown, table: string): boolean {
  const { code, table: violated, message } = (error ?? {}) as { code?: unknown; table?: unknown; message?: unknown }
  if (code === '23505') return violated === table
  return typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT') && String(message).includes(`${table}.`)
}

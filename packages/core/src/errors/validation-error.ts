import type { z } from 'zod'
import { CxError } from './cx-error.js'

/** Where a bad value came from: it prefixes the field name in error messages. */
export type InputLocation = 'query' | 'body' | 'param' | 'header' | 'config' | 'row'

/** One offending field, named the way a user would write it (`body.responses[3].score`). */
export interface FieldProblem {
  field: string
  message: string
  code: string
}

function formatPath(location: InputLocation, path: readonly PropertyKey[]): string {
  let field: string = location
  for (const part of path) field += typeof part === 'number' ? `[${part}]` : `.${String(part)}`
  return field
}

/**
 * A validation failure naming every offending field. The server answers it with HTTP 400
 * `application/problem+json`; the CLI prints it and exits non-zero.
 *
 * @example
 * throw CxValidationError.fromZod(result.error, 'query')
 */
export class CxValidationError extends CxError {
  readonly fields: FieldProblem[]

  constructor(fields: FieldProblem[]) {
    const first = fields[0]
    const summary = first ? `${first.field}: ${first.message}` : 'invalid input'
    const more = fields.length > 1 ? ` (and ${fields.length - 1} more)` : ''
    super('CXKIT_VALIDATION_FAILED', `${summary}${more}`, { status: 400, details: { fields } })
    this.fields = fields
  }

  static fromZod(error: z.ZodError, location: InputLocation): CxValidationError {
    return new CxValidationError(
      error.issues.map((issue) => ({
        field: formatPath(location, issue.path),
        message: issue.message,
        code: issue.code,
      })),
    )
  }
}

/**
 * Parses untrusted input with a zod schema, throwing a {@link CxValidationError} that names the field.
 *
 * @example
 * const body = parseInput(subscriptionSchema, await c.req.json(), 'body')
 */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown, location: InputLocation): z.output<T> {
  const result = schema.safeParse(input)
  if (!result.success) throw CxValidationError.fromZod(result.error, location)
  return result.data
}

/**
 * A validation hook for `@hono/zod-openapi` apps (`new OpenAPIHono({ defaultHook: throwOnInvalid })`):
 * it turns a failed parse into a {@link CxValidationError} so every plugin answers bad input the same way.
 *
 * @example
 * const routes = new OpenAPIHono({ defaultHook: throwOnInvalid })
 */
export function throwOnInvalid(result: { success: boolean; error?: unknown; target?: string }): void {
  if (result.success) return
  const location = toLocation(result.target)
  throw CxValidationError.fromZod(result.error as z.ZodError, location)
}

function toLocation(target: string | undefined): InputLocation {
  if (target === 'json' || target === 'form') return 'body'
  if (target === 'param') return 'param'
  if (target === 'header') return 'header'
  return 'query'
}

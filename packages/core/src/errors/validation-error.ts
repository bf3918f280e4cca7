import type { z } from 'zod'
import { maxListedProblems } from './bounded-problems.js'
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
 * A validation failure naming the offending fields: the first {@link maxListedProblems} of them, and
 * how many there are in all (`errorCount`). The server answers it with HTTP 400
 * `application/problem+json`; the CLI prints it and exits non-zero.
 *
 * @example
 * throw CxValidationError.fromZod(result.error, 'query')
 */
export class CxValidationError extends CxError {
  /** The first offending fields, at most {@link maxListedProblems}. */
  readonly fields: FieldProblem[]
  /** How many problems there are, listed or not. */
  readonly errorCount: number

  /** `errorCount` defaults to the number of `fields`; give it when `fields` are the first of more. */
  constructor(fields: FieldProblem[], errorCount = fields.length) {
    const listed = fields.length > maxListedProblems ? fields.slice(0, maxListedProblems) : fields
    const first = listed[0]
    const summary = first ? `${first.field}: ${first.message}` : 'invalid input'
    const more = errorCount > 1 ? ` (and ${errorCount - 1} more)` : ''
    const truncated = errorCount > listed.length
    super('CXKIT_VALIDATION_FAILED', `${summary}${more}`, {
      status: 400,
      details: { fields: listed, ...(truncated ? { errorCount, truncated } : {}) },
    })
    this.fields = listed
    this.errorCount = errorCount
  }

  /** Names the first issues only: a failed parse of a big batch can hold hundreds of thousands. */
  static fromZod(error: z.ZodError, location: InputLocation): CxValidationError {
    const fields: FieldProblem[] = []
    for (const issue of error.issues) {
      if (fields.length >= maxListedProblems) break
      fields.push({ field: formatPath(location, issue.path), message: issue.message, code: issue.code })
    }
    return new CxValidationError(fields, error.issues.length)
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

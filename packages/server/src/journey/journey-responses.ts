import { problemSchema } from '@cxkit/core'
import type { z } from '@hono/zod-openapi'
import { problemResponses } from '../routes/schemas.js'

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemSchema } },
})

/** 409: a taken id, or a stage or touchpoint that other rows still reference. */
export const conflictResponse = {
  409: problem('The id is taken, or rows still reference it: the problem says which'),
} as const

/** 200 with `schema`, and the problems a journey route may answer. */
export function ok<T extends z.ZodType>(description: string, schema: T) {
  return { 200: { description, content: { 'application/json': { schema } } }, ...problemResponses, ...conflictResponse }
}

/** 201 with `schema`, and the problems a journey route may answer. */
export function created<T extends z.ZodType>(description: string, schema: T) {
  return { 201: { description, content: { 'application/json': { schema } } }, ...problemResponses, ...conflictResponse }
}

/** 204, and the problems a journey route may answer. */
export const removed = { 204: { description: 'Removed' }, ...problemResponses, ...conflictResponse } as const

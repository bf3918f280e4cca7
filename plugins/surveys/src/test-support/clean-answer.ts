import type { TestApp } from '@cxkit/testing'
import { expect } from 'vitest'

/** The tables a request may write to: a refused request must leave each of them as it was. */
const writtenTables = [
  'surveys_surveys',
  'surveys_responses',
  'surveys_answers',
  'surveys_answer_rollups',
  'surveys_webhooks',
  'surveys_webhook_deliveries',
]

/** Row counts of every table a request may write to. */
export async function rowCounts(test: TestApp): Promise<number[]> {
  return Promise.all(
    writtenTables.map(async (table) => {
      const row = await test.database.db
        .selectFrom(table as never)
        .select((eb: any) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
      return Number((row as { n: number }).n)
    }),
  )
}

/**
 * Checks the answer to hostile input: never a 5xx; a rejection is a 4xx that stored nothing, and a 400
 * from the API is a problem document naming each field.
 */
export async function expectCleanAnswer(
  test: TestApp,
  response: Response,
  before: number[],
  options: { html?: boolean } = {},
): Promise<void> {
  expect(response.status).toBeLessThan(500)
  if (response.status < 400) return
  expect(await rowCounts(test)).toEqual(before)
  if (options.html) return
  expect(response.headers.get('content-type')).toContain('application/problem+json')
  if (response.status !== 400) return
  const problem = (await response.json()) as { errors?: { field: string }[] }
  expect(problem.errors?.length).toBeGreaterThan(0)
  for (const error of problem.errors ?? []) expect(error.field).toMatch(/^(body|query|param|header)/)
}

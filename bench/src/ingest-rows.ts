import { benchTouchpoints } from './bench-database.js'

/** Responses each ingest run stores. */
export const ingestTotal = 100_000
const start = Date.parse('2026-01-01T00:00:00Z')

/** The `index`-th response of an ingest run, as an API client sends it: a key of its own, one NPS answer. */
export function responseAt(index: number) {
  return {
    surveyId: 'nps',
    idempotencyKey: `bench-${index}`,
    channel: 'api',
    touchpointId: benchTouchpoints[index % benchTouchpoints.length]!,
    locale: 'en',
    submittedAt: new Date(start + index * 60_000).toISOString(),
    answers: [{ questionId: 'recommend', value: index % 11 }],
  }
}

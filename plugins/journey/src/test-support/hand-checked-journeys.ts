import type { CustomerInput } from '@cxkit/core'
import type { TestEvent, TestStage } from './journey-test-data.js'

export const minute = 60_000
export const hour = 3_600_000
export const day = 86_400_000

/** Monday 2 March 2026, 00:00 UTC: the first week of the journeys below. */
export const t0 = Date.parse('2026-03-02T00:00:00.000Z')
const at = (ms: number) => new Date(t0 + ms).toISOString()

export const stages: TestStage[] = [
  { id: 'awareness', touchpoints: ['ad', 'blog'] },
  { id: 'consideration', touchpoints: ['visit', 'compare'] },
  { id: 'purchase', touchpoints: ['checkout'] },
  { id: 'advocacy', touchpoints: [] },
]

/** The funnel the journeys are written for: awareness (ad or blog) → visit → checkout, 14 days. */
export const funnelSteps = ['stage:awareness', 'touchpoint:visit', 'touchpoint:checkout']

export const customers: CustomerInput[] = [
  { externalId: 'A', segment: 'smb' },
  { externalId: 'B', segment: 'smb' },
  { externalId: 'C', segment: 'smb' },
  { externalId: 'D', segment: 'enterprise' },
  { externalId: 'E', segment: 'enterprise' },
  { externalId: 'F' },
  { externalId: 'G' },
  { externalId: 'H', segment: 'smb' },
]

/**
 * One journey per case, each counted by hand in the tests (steps reached, time from the previous step):
 * - A goes straight through: 1 → 2 after 1 d → 3 after 1 d.
 * - B re-enters: blog at 0, then ad, visit and checkout 20–22 days later. The anchor stays the first
 *   step-1 event, so the later run is past the window: B reaches step 1 only.
 * - C arrives out of order: visit at 0 comes before the anchor (ad at 1 d) and does not count; the
 *   visit at 3 d does (step 2 after 2 d); checkout at 2 d is before it: C stops at step 2.
 * - D meets the window's end exactly: visit and checkout at 14 d to the millisecond, at the same
 *   instant (no earlier than the visit): steps 2 and 3 after 14 d and 0.
 * - E (a week later) goes past it: visit at 5 d, checkout at 14 d + 1 ms: stops at step 2.
 * - F (a week later) skips a step: ad, then checkout without a visit: step 1 only.
 * - G sends every event twice: counted once, 1 h between steps.
 * - H enters mid-funnel (visit, checkout, no awareness event): not counted at all.
 */
export const events: TestEvent[] = [
  { customer: 'A', touchpoint: 'ad', at: at(0) },
  { customer: 'A', touchpoint: 'visit', at: at(day) },
  { customer: 'A', touchpoint: 'checkout', at: at(2 * day) },

  { customer: 'B', touchpoint: 'blog', at: at(0) },
  { customer: 'B', touchpoint: 'ad', at: at(20 * day) },
  { customer: 'B', touchpoint: 'visit', at: at(21 * day) },
  { customer: 'B', touchpoint: 'checkout', at: at(22 * day) },

  { customer: 'C', touchpoint: 'visit', at: at(0) },
  { customer: 'C', touchpoint: 'ad', at: at(day) },
  { customer: 'C', touchpoint: 'checkout', at: at(2 * day) },
  { customer: 'C', touchpoint: 'visit', at: at(3 * day) },

  { customer: 'D', touchpoint: 'ad', at: at(0) },
  { customer: 'D', touchpoint: 'visit', at: at(14 * day) },
  { customer: 'D', touchpoint: 'checkout', at: at(14 * day) },

  { customer: 'E', touchpoint: 'ad', at: at(7 * day) },
  { customer: 'E', touchpoint: 'visit', at: at(12 * day) },
  { customer: 'E', touchpoint: 'checkout', at: at(21 * day + 1) },

  { customer: 'F', touchpoint: 'ad', at: at(7 * day) },
  { customer: 'F', touchpoint: 'checkout', at: at(8 * day) },

  { customer: 'G', touchpoint: 'ad', at: at(0) },
  { customer: 'G', touchpoint: 'ad', at: at(0) },
  { customer: 'G', touchpoint: 'visit', at: at(hour) },
  { customer: 'G', touchpoint: 'visit', at: at(hour) },
  { customer: 'G', touchpoint: 'checkout', at: at(2 * hour) },
  { customer: 'G', touchpoint: 'checkout', at: at(2 * hour) },

  { customer: 'H', touchpoint: 'visit', at: at(0) },
  { customer: 'H', touchpoint: 'checkout', at: at(day) },
]

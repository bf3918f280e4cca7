import {
  attributesSchema,
  columnLimits,
  instantSchema,
  slugSchema,
  textSchema,
  sourceKeyedWriteResultSchema,
} from '@cxkit/core'
import { z } from 'zod'

/** How far ahead of the server's clock an event may be dated: clocks drift, a week-ahead date is a typo. */
export const maxEventLeadMs = 24 * 60 * 60 * 1000

/** Most attributes one event carries, and their size as JSON text: an event is a fact, not a document. */
export const eventAttributeLimits = { keys: 50, jsonChars: 8 * 1024 } as const

/** The most events one batch request stores (all or nothing). */
export const maxEventBatch = 10_000

/** True when `instant` (canonical ISO) lies no more than {@link maxEventLeadMs} after `now`. */
export function isWithinEventLead(instant: string, now = Date.now()): boolean {
  return Date.parse(instant) <= now + maxEventLeadMs
}

/** The message for an event dated too far ahead. */
export const eventLeadMessage = 'must not lie more than 24 hours in the future'

/** An event's time: ISO-8601 with an offset, stored as UTC, at most a day ahead of now. */
export const eventInstantSchema = instantSchema.refine((instant) => isWithinEventLead(instant), eventLeadMessage)

/** Free-form facts about the event (`page`, `campaign`, `device`), bounded in count and size. */
export const eventAttributesSchema = attributesSchema
  .refine((attributes) => Object.keys(attributes).length <= eventAttributeLimits.keys, {
    message: `must hold at most ${eventAttributeLimits.keys} attributes`,
  })
  .refine((attributes) => JSON.stringify(attributes).length <= eventAttributeLimits.jsonChars, {
    message: `must be at most ${eventAttributeLimits.jsonChars} characters as JSON`,
  })

/**
 * One journey event: customer `customer` (their external id; an unknown one is created) met touchpoint
 * `touchpoint` at `occurredAt`. `sourceId` makes it exactly once: sent again, it is a duplicate.
 *
 * @example
 * journeyEventInputSchema.parse({ customer: 'C-1', touchpoint: 'website', occurredAt: '2026-03-01T10:00:00+01:00' })
 */
export const journeyEventInputSchema = z
  .object({
    customer: textSchema(columnLimits.externalId, 1),
    touchpoint: slugSchema,
    occurredAt: eventInstantSchema,
    sourceId: textSchema(columnLimits.eventKey, 1).optional(),
    session: textSchema(columnLimits.eventKey, 1).optional(),
    attributes: eventAttributesSchema.optional(),
  })
  .strict()
export type JourneyEventInput = z.input<typeof journeyEventInputSchema>
export type ParsedJourneyEvent = z.output<typeof journeyEventInputSchema>

/** Up to {@link maxEventBatch} events, stored all or nothing. */
export const journeyEventBatchSchema = z
  .object({ events: z.array(journeyEventInputSchema).min(1).max(maxEventBatch) })
  .strict()

/** What a write did: events stored, and events whose source id was stored before with the same content. */
export const eventWriteResultSchema = sourceKeyedWriteResultSchema
export type EventWriteResult = z.infer<typeof eventWriteResultSchema>

/** A stored event as the API returns it. */
export const journeyEventSchema = z.object({
  id: z.string(),
  customerId: z.string(),
  customer: z.string(),
  touchpoint: z.string(),
  occurredAt: z.string(),
  sourceId: z.string().nullable(),
  session: z.string().nullable(),
  attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
})
export type StoredJourneyEvent = z.infer<typeof journeyEventSchema>

/** A page of a customer's events, newest first; `nextCursor` reads on where this page ended. */
export const journeyEventPageSchema = z.object({
  events: z.array(journeyEventSchema),
  nextCursor: z.string().nullable(),
})
export type JourneyEventPage = z.infer<typeof journeyEventPageSchema>

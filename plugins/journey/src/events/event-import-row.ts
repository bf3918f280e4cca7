import { columnLimits, type ImportField, textSchema } from '@cxkit/core'
import { z } from 'zod'
import { eventAttributesSchema, eventInstantSchema } from '../schema.js'

export const eventImportFields: readonly ImportField[] = [
  { name: 'customer', type: 'text', required: true, description: 'the customer’s external id (created when unknown)' },
  { name: 'touchpoint', type: 'text', required: true, description: 'the touchpoint id (must exist in the workspace)' },
  {
    name: 'occurred_at',
    type: 'instant',
    required: true,
    description: 'when the customer met the touchpoint: 2026-03-01T10:00:00Z, 2026-03-01 or 01-03-2026',
  },
  {
    name: 'source_id',
    type: 'text',
    required: false,
    description: 'the event’s id in the system it came from; without one, a row is known by its content',
  },
  { name: 'session', type: 'text', required: false, description: 'the session the event belongs to (web, in-app)' },
]

/**
 * One event row. Whether its touchpoint exists depends on the workspace: the entity's upsert checks it.
 */
export const eventImportRowSchema = z
  .object({
    customer: textSchema(columnLimits.externalId, 1),
    touchpoint: textSchema(columnLimits.id, 1),
    occurred_at: eventInstantSchema,
    source_id: textSchema(columnLimits.eventKey, 1).optional(),
    session: textSchema(columnLimits.eventKey, 1).optional(),
    attributes: eventAttributesSchema,
  })
  .transform((row) => ({
    customer: row.customer,
    touchpoint: row.touchpoint,
    occurredAt: row.occurred_at,
    sourceId: row.source_id,
    session: row.session,
    attributes: row.attributes,
  }))

export type EventImportRow = z.output<typeof eventImportRowSchema>

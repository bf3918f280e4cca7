import { columnLimits, hasUnsafeCharacters, maxTimelineLimit, textSchema } from '@cxkit/core'
import { z } from '@hono/zod-openapi'
import { decodeListCursor, maxCursorLength } from './list-cursor.js'

/** `attr.<key>`: the attribute filters the list takes, keyed as metric filters are. */
export const attributeFilterPattern = /^attr\.[A-Za-z0-9_-]{1,64}$/
/** More attribute filters than this in one request are refused: each is a JSON read per row. */
export const maxAttributeFilters = 10

export const customerIdParams = z.object({
  id: textSchema(columnLimits.id, 1).openapi({ param: { name: 'id', in: 'path' }, example: 'demo' }),
  customerId: textSchema(36, 1).openapi({ param: { name: 'customerId', in: 'path' } }),
})

export const workspaceIdParams = customerIdParams.pick({ id: true })

/** The list's own parameters; any other must be an attribute filter. */
const customerListQuerySchemaKeys = { q: 1, segment: 1, region: 1, plan: 1, limit: 1, cursor: 1 }

const cut = textSchema(columnLimits.segment).optional()

export const customerListQuerySchema = z
  .object({
    q: textSchema(columnLimits.email)
      .optional()
      .openapi({ description: 'Part of a name, e-mail address, external id or an id in another system' }),
    segment: cut,
    region: cut,
    plan: cut,
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z
      .string()
      .max(maxCursorLength)
      .refine((value) => decodeListCursor(value) !== undefined, 'is not a cursor this list gave out')
      .optional()
      .openapi({ description: 'The `nextCursor` of the page before' }),
  })
  .catchall(textSchema(1000))
  .superRefine((query, context) => {
    const keys = Object.keys(query).filter((key) => key.startsWith('attr.'))
    for (const key of Object.keys(query)) {
      if (key in customerListQuerySchemaKeys) continue
      if (hasUnsafeCharacters(key) || !attributeFilterPattern.test(key)) {
        context.addIssue({ code: 'custom', path: [key], message: "is not a parameter of this list: use 'attr.<key>'" })
      }
    }
    if (keys.length > maxAttributeFilters) {
      context.addIssue({
        code: 'custom',
        path: [keys[maxAttributeFilters]!],
        message: `at most ${maxAttributeFilters} attribute filters`,
      })
    }
  })
  .openapi({ description: 'Also `attr.<key>=<value>`: customers whose attribute `key` is `value`' })

export const timelineQuerySchema = z.object({
  before: z.iso
    .datetime({ offset: true })
    .optional()
    .openapi({ description: 'Only entries before this instant: the `nextBefore` of the page before' }),
  limit: z.coerce.number().int().min(1).max(maxTimelineLimit).default(50),
})

export const customerListItemSchema = z
  .object({
    id: z.string(),
    externalId: z.string(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    segment: z.string().nullable(),
    region: z.string().nullable(),
    plan: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('CustomerListItem')

export const customerSchema = customerListItemSchema
  .extend({
    attributes: z.record(z.string(), z.unknown()),
    identities: z.array(z.object({ source: z.string(), sourceId: z.string() })),
  })
  .openapi('Customer')

const facet = z.array(z.object({ value: z.string().nullable(), count: z.number().int() }))
export const customerFacetsSchema = z.object({ segment: facet, region: facet, plan: facet }).openapi('CustomerFacets')

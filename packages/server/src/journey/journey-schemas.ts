import { columnLimits, journeyLimits, textSchema, touchpointChannels } from '@cxkit/core'
import { z } from '@hono/zod-openapi'

// Restated from core's schemas: only schemas built after zod-openapi loads carry `.openapi()`. The
// @cxkit/db functions behind the routes check their input with core's schemas again.
const slug = (example: string) =>
  z
    .string()
    .min(1)
    .max(columnLimits.id)
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes')
    .openapi({ example })

const channel = z.enum(touchpointChannels).openapi({
  description: 'Where the touchpoint meets the customer (not how a survey response was collected)',
  example: 'website',
})
const ownerTeam = textSchema(columnLimits.name, 1).openapi({
  description: 'The team that owns it',
  example: 'E-commerce',
})
const description = textSchema(columnLimits.description, 1).openapi({ example: 'The last page of an order' })
const label = textSchema(columnLimits.label, 1)

export const workspaceQuery = z.object({
  workspace: textSchema(columnLimits.id, 1).openapi({ param: { name: 'workspace', in: 'query' }, example: 'demo' }),
})

export const touchpointParams = z.object({
  id: textSchema(columnLimits.id, 1).openapi({ param: { name: 'id', in: 'path' }, example: 'web-checkout' }),
})

export const stageParams = z.object({
  id: textSchema(columnLimits.id, 1).openapi({ param: { name: 'id', in: 'path' }, example: 'purchase' }),
})

export const touchpointSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    stageId: z.string(),
    channel: z.enum(touchpointChannels),
    ownerTeam: z.string().nullable(),
    description: z.string().nullable(),
    kind: z.string().nullable().openapi({ description: "The plugin's touchpoint kind it was made from, if any" }),
  })
  .openapi('Touchpoint')

export const touchpointInputSchema = z
  .object({
    id: slug('web-checkout'),
    name: textSchema(columnLimits.name, 1)
      .optional()
      .openapi({ description: 'Default: the id in words (`web-checkout` → `Web checkout`)', example: 'Checkout' }),
    stageId: slug('purchase'),
    channel,
    ownerTeam: ownerTeam.nullish(),
    description: description.nullish(),
  })
  .strict()

export const touchpointChangesSchema = z
  .object({
    name: textSchema(columnLimits.name, 1),
    stageId: slug('delivery'),
    channel,
    ownerTeam: ownerTeam.nullable().openapi({ description: '`null` clears it' }),
    description: description.nullable().openapi({ description: '`null` clears it' }),
  })
  .partial()
  .strict()

export const stageSchema = z
  .object({
    id: z.string(),
    label: z.object({ en: z.string(), nl: z.string().optional() }),
    position: z.number().int().openapi({ description: '0 for the first stage, without gaps' }),
    touchpointCount: z.number().int(),
  })
  .openapi('WorkspaceStage')

export const stageInputSchema = z
  .object({
    id: slug('repair'),
    label: z.object({ en: label, nl: label.nullish() }).strict(),
    after: slug('delivery').optional().openapi({ description: 'Put it right after this stage (default: at the end)' }),
  })
  .strict()

export const stageChangesSchema = z
  .object({
    label: z
      .object({ en: label, nl: label.nullable().openapi({ description: '`null` removes the Dutch label' }) })
      .partial()
      .strict()
      .refine((value) => value.en !== undefined || value.nl !== undefined, 'give en, nl or both')
      .openapi({ description: 'A language left out keeps its label' }),
  })
  .strict()

export const stageRemovalQuery = workspaceQuery.extend({
  moveTo: textSchema(columnLimits.id, 1)
    .optional()
    .openapi({
      param: { name: 'moveTo', in: 'query' },
      description: "Move the stage's touchpoints to this stage first, in the same transaction",
      example: 'retention',
    }),
})

export const stageOrderSchema = z
  .object({
    ids: z
      .array(slug('awareness'))
      .min(1)
      .max(journeyLimits.stages)
      .openapi({ description: 'Every stage id of the workspace, once each, in the new order' }),
  })
  .strict()

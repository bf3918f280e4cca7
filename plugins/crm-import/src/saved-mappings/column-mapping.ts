import { textSchema } from '@cxkit/core'
import { z } from 'zod'

/** The most columns a mapping names: wider files exist, but no entity has that many fields to fill. */
export const maxMappedColumns = 500

/** A header name, as long as the readers allow one. */
const columnNameSchema = textSchema(500, 1)

/** An entity field (`email`) or an attribute (`attr.industry`). */
const mappingTargetSchema = textSchema(120, 1).regex(/^(attr\.)?[A-Za-z0-9_.-]+$/, 'an entity field or attr.<key>')

/**
 * Column → what it fills: an entity field or `attr.<key>`; `null`, or left out, for a column not imported.
 *
 * @example
 * columnMappingSchema.parse({ 'E-mail': 'email', Branche: 'attr.industry' })
 */
export const columnMappingSchema = z
  .record(columnNameSchema, mappingTargetSchema.nullable())
  .refine((mapping) => Object.keys(mapping).length <= maxMappedColumns, `at most ${maxMappedColumns} columns`)

export type ColumnMapping = z.output<typeof columnMappingSchema>

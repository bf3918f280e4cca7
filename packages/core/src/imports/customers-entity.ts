import { defineImportEntity } from '../contracts/import-entity.js'
import { acceptCustomerImportRow } from './accept-customer-import-row.js'
import { customerImportFields, customerImportRowSchema } from './customer-import-row.js'
import { undoCustomers } from './undo-customers.js'
import { upsertCustomers } from './upsert-customers.js'

/**
 * Customers, importable on every install (`cxkit import <file> --entity customers`): matched by
 * source id, external id, then e-mail ignoring case (see `upsertCustomers`); `attr.<key>` columns
 * land in the customer's attributes.
 *
 * @example
 * await runImport(ctx, { entity: customersEntity, ... })
 */
export const customersEntity = defineImportEntity({
  entity: 'customers',
  description: 'customers: who they are, their segment, region, plan and attributes',
  fields: customerImportFields,
  acceptsAttributes: true,
  requiresOneOf: ['source_id', 'external_id', 'email'],
  rowSchema: customerImportRowSchema,
  acceptRow: acceptCustomerImportRow,
  upsert: upsertCustomers,
  undo: undoCustomers,
})

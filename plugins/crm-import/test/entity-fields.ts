import type { ImportField } from '@cxkit/core'

function field(name: string, type: ImportField['type'], required = false): ImportField {
  return { name, type, required, description: name }
}

/** The fields the customers entity takes, as the import contract describes them. */
export const customerFields: readonly ImportField[] = [
  field('source_id', 'text'),
  field('external_id', 'text'),
  field('email', 'email'),
  field('name', 'text'),
  field('first_name', 'text'),
  field('last_name', 'text'),
  field('segment', 'text'),
  field('region', 'text'),
  field('plan', 'text'),
]

/** The fields of transactions. */
export const transactionFields: readonly ImportField[] = [
  field('customer', 'text', true),
  field('source_id', 'text'),
  field('occurred_at', 'instant', true),
  field('amount', 'number', true),
  field('margin', 'number'),
]

/** The fields of survey responses. */
export const responseFields: readonly ImportField[] = [
  field('customer', 'text'),
  field('question_type', 'text', true),
  field('score', 'number', true),
  field('comment', 'text'),
  field('answered_at', 'instant', true),
]

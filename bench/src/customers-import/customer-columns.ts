/** The customers table's columns as the baseline and the floor write them, in this order. */
export const customerColumns = [
  'id',
  'workspace_id',
  'external_id',
  'email',
  'email_key',
  'name',
  'segment',
  'region',
  'plan',
  'attributes',
  'created_at',
] as const

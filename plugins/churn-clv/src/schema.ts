// The churn & CLV plugin's input and response shapes, shared with the dashboard (zod only: no Kysely, no Lit).
export * from './options.js'
export * from './transactions/transaction-schemas.js'
export * from './subscriptions/subscription-schemas.js'
export * from './survival/survival-schema.js'
export * from './cohorts/cohort-schema.js'
export * from './clv/clv-schemas.js'
export * from './diagnostics/diagnostics-schemas.js'
export * from './risk/risk-schemas.js'

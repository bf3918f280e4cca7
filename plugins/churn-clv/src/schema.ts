// The churn & CLV plugin's input and response shapes, shared with the dashboard (zod only).
export * from './survival/survival-schema.js'
export * from './cohorts/cohort-schema.js'

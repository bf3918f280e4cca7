// The journey plugin's response shapes, shared with the dashboard (zod only: no Kysely, no Lit).
export * from './scores/scores-schema.js'

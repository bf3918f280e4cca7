// The journey plugin's input and response shapes, shared with the dashboard (zod only: no Kysely, no Lit).
export * from './events/event-schemas.js'
export * from './maps/map-schemas.js'
export * from './scores/scores-schema.js'

export * from './create-test-app.js'
export {
  createScratchPostgres,
  type ScratchPostgres,
  type TestDialect,
  testDialects,
  testPostgresUrl,
} from '@cxkit/db/testing'
export { createRandom, type Random } from '@cxkit/demo'
export * from './survey-fixtures.js'

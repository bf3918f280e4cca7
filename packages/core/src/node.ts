/**
 * Helpers that use Node's built-in modules, apart from the main entry so that browser bundles of
 * schemas that import `@cxkit/core` never reach `node:crypto`.
 */
export * from './imports/import-row-source-id.js'

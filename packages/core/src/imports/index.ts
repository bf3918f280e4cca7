export * from './customer-import-row.js'
export * from './customers-entity.js'

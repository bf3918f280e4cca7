export * from './dashboard-context.js'
export * from './dashboard-context-provider.js'

export * from './create-program.js'
export * from './load-config.js'
export * from './report-error.js'

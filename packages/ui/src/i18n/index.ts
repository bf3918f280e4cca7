export * from './translator.js'
export { messages } from './messages.js'
export * from './format-group-key.js'
export * from './format-breakdown-label.js'

export * from './translator.js'
export { messages } from './messages.js'

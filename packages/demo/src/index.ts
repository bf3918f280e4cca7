export * from './create-random.js'
export * from './seed-demo-workspace.js'
export { demoTouchpoints, demoWorkspace } from './demo-catalogue.js'

// Entry of the thread CLV fits run on. The plugin is TypeScript: register tsx's loader in this thread
// (a no-op cost where the process already runs under tsx), then run the fit.
import { register } from 'tsx/esm/api'

register()
await import('./fit-worker-main.ts')

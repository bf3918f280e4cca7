// Entry of the thread CLV fits run on where the plugin is not built (where dist/fit-worker.mjs, see fit-in-worker.ts,
// is missing). The plugin is TypeScript: register tsx's loader in this thread
// (a no-op cost where the process already runs under tsx), then run the fit.
import { register } from 'tsx/esm/api'

register()
await import('./fit-worker-main.ts')

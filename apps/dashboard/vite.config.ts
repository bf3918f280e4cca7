import { resolve } from 'node:path'
import { defineConfig } from 'vite'
import appConfig from '../server/cxkit.config.js'
import { cxkitPanels } from './src/build/cxkit-panels-plugin.js'

// The dashboard is built for one app config: its plugins' panel modules and its branding are
// bundled in. An agency bundle builds the same dashboard against its own config.
export default defineConfig({
  plugins: [cxkitPanels(appConfig)],
  // Lower standard decorators (Lit's @property/@state) while transforming TypeScript.
  esbuild: { target: 'es2022' },
  build: {
    outDir: resolve(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
  },
  server: { proxy: { '/api': 'http://localhost:8787' } },
})

import { resolve } from 'node:path'
import { defineConfig } from 'vite'

// One self-contained ES module: a website adds <script type="module" src=".../cx-survey.js">.
export default defineConfig({
  build: {
    lib: { entry: resolve(import.meta.dirname, 'src/cx-survey.ts'), formats: ['es'], fileName: () => 'cx-survey.js' },
    outDir: resolve(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    target: 'es2020',
    minify: 'esbuild',
  },
})

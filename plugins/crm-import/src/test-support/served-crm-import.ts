import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type RunningServer, startServer } from '@cxkit/server'
import { createTestApp, type TestApp, type TestDialect } from '@cxkit/testing'
import { type CrmImportOptions, crmImportPlugin } from '../index.js'

/** The plugin on a real database behind a real socket, its uploads in a fresh folder. */
export interface ServedCrmImport {
  readonly test: TestApp
  readonly server: RunningServer
  readonly uploadsDir: string
  close(): Promise<void>
}

/** Test support: boots the plugin the way the bundled app does and listens on a free port. */
export async function serveCrmImport(
  dialect: TestDialect,
  options: Partial<Omit<CrmImportOptions, 'uploadsDir'>> = {},
): Promise<ServedCrmImport> {
  const uploadsDir = await mkdtemp(join(tmpdir(), 'cxkit-uploads-'))
  const test = await createTestApp({ plugins: [crmImportPlugin({ ...options, uploadsDir })], dialect })
  const server = await startServer(test.app, { port: 0 })
  return {
    test,
    server,
    uploadsDir,
    async close() {
      await server.close()
      await test.close()
      await rm(uploadsDir, { recursive: true, force: true })
    },
  }
}

/** A multipart body with one file part, as a browser's form sends it. */
export function fileForm(name: string, content: string, type = 'text/csv'): FormData {
  const form = new FormData()
  form.append('file', new Blob([content], { type }), name)
  return form
}

import { definePlugin, throwOnInvalid } from '@cxkit/core'
import { OpenAPIHono } from '@hono/zod-openapi'
import { crmImportOptionsSchema } from './crm-import-options.js'
import { createImportJobs } from './http/import-jobs.js'
import { importRoutes } from './http/import-routes.js'
import { mappingRoutes } from './http/mapping-routes.js'
import { uploadRoutes, uploadsDirOf } from './http/upload-routes.js'
import * as createImportRecords from './migrations/001_create_import_records.js'
import * as createMappings from './migrations/005_create_mappings.js'
import type { ImportReport } from './run/index.js'
import { createUploadStore } from './uploads/upload-store.js'

export * from './cells/index.js'
export { type CrmImportOptions, crmImportOptionsSchema } from './crm-import-options.js'
export * from './mapping/index.js'
export * from './presets/index.js'
export * from './readers/index.js'
export * from './run/index.js'
// Both the suggestions and the runner name the same shape; the suggestions' is the one exported.
export type { ColumnMapping } from './mapping/index.js'

/**
 * The crm-import plugin: reads exports from Salesforce, HubSpot and spreadsheets as a stream and
 * imports them into any entity a plugin (or core) declares, whole or not at all, with undo; over HTTP
 * too (uploads streamed to disk, imports as jobs), and from the dashboard's Import page.
 *
 * @example
 * export default defineConfig({ plugins: [crmImportPlugin({ uploadsDir: './data/uploads' })] })
 */
export const crmImportPlugin = definePlugin({
  id: 'crm-import',
  version: '0.1.0',
  description: {
    en: 'Import customers and more from Salesforce, HubSpot and spreadsheets.',
    nl: 'Importeer klanten en meer uit Salesforce, HubSpot en spreadsheets.',
  },
  optionsSchema: crmImportOptionsSchema,
  migrations: { '001_create_import_records': createImportRecords, '005_create_mappings': createMappings },
  dashboard: {
    module: '@cxkit/plugin-crm-import/dashboard',
    pages: [{ path: 'import', tag: 'cx-import-page', title: { en: 'Import', nl: 'Importeren' } }],
  },
  setup: (options) => ({
    // Uploads go to disk as they arrive: the server leaves their bodies to the route.
    streamedBodies: { 'POST /uploads': options.maxUploadBytes },
    routes: (ctx) => {
      const uploadsDir = uploadsDirOf(ctx.options)
      const uploads = createUploadStore({ dir: uploadsDir, maxAgeMs: ctx.options.uploadMaxAgeHours * 3600_000 })
      const jobs = createImportJobs<ImportReport>()
      const entities = () => ctx.importEntities()
      const findEntity = (name: string) => entities().find((entity) => entity.entity === name)
      return new OpenAPIHono({ defaultHook: throwOnInvalid })
        .route('/', uploadRoutes(ctx, uploads, findEntity))
        .route('/', mappingRoutes(ctx))
        .route('/', importRoutes(ctx, { uploads, jobs, uploadsDir, entities }))
    },
  }),
})

declare module '@cxkit/core' {
  interface PluginRegistry {
    'crm-import': ReturnType<typeof crmImportPlugin>
  }
}

import { definePlugin } from '@cxkit/core'
import { OpenAPIHono } from '@hono/zod-openapi'
import { throwOnInvalid } from '@cxkit/core'
import { crmImportOptionsSchema } from './crm-import-options.js'
import { mappingRoutes } from './http/mapping-routes.js'
import { uploadRoutes, uploadsDirOf } from './http/upload-routes.js'
import * as createMappings from './migrations/005_create_mappings.js'
import { createUploadStore } from './uploads/upload-store.js'

export { crmImportOptionsSchema, type CrmImportOptions } from './crm-import-options.js'

export * from './mapping/index.js'
export * from './presets/index.js'
export * from './readers/index.js'

/**
 * The crm-import plugin: reads exports from Salesforce, HubSpot and spreadsheets as a stream and
 * imports them into any entity a plugin (or core) declares, whole or not at all, with undo.
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
  migrations: { '005_create_mappings': createMappings },
  setup: (options) => ({
    // Uploads go to disk as they arrive: the server leaves their bodies to the route.
    streamedBodies: { 'POST /uploads': options.maxUploadBytes },
    routes: (ctx) => {
      const uploads = createUploadStore({
        dir: uploadsDirOf(ctx.options),
        maxAgeMs: ctx.options.uploadMaxAgeHours * 3600_000,
      })
      return new OpenAPIHono({ defaultHook: throwOnInvalid })
        .route(
          '/',
          uploadRoutes(ctx, uploads, () => undefined),
        )
        .route('/', mappingRoutes(ctx))
    },
  }),
})

declare module '@cxkit/core' {
  interface PluginRegistry {
    'crm-import': ReturnType<typeof crmImportPlugin>
  }
}

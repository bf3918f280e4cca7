import { definePlugin } from '@cxkit/core'
import * as createImportRecords from './migrations/001_create_import_records.js'

export * from './cells/index.js'
export * from './run/index.js'
export * from './mapping/index.js'
export * from './presets/index.js'
export * from './readers/index.js'
// Both the suggestions and the runner name the same shape; the suggestions' is the one exported.
export type { ColumnMapping } from './mapping/index.js'

/**
 * The crm-import plugin: reads exports from Salesforce, HubSpot and spreadsheets as a stream and
 * imports them into any entity a plugin (or core) declares, whole or not at all, with undo.
 *
 * @example
 * export default defineConfig({ plugins: [crmImportPlugin()] })
 */
export const crmImportPlugin = definePlugin({
  id: 'crm-import',
  version: '0.1.0',
  description: {
    en: 'Import customers and more from Salesforce, HubSpot and spreadsheets.',
    nl: 'Importeer klanten en meer uit Salesforce, HubSpot en spreadsheets.',
  },
  migrations: { '001_create_import_records': createImportRecords },
})

declare module '@cxkit/core' {
  interface PluginRegistry {
    'crm-import': ReturnType<typeof crmImportPlugin>
  }
}

import { definePlugin } from '@cxkit/core'

export * from './mapping/index.js'
export * from './presets/index.js'
export * from './readers/index.js'

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
})

declare module '@cxkit/core' {
  interface PluginRegistry {
    'crm-import': ReturnType<typeof crmImportPlugin>
  }
}

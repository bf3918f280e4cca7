import { addMessages } from '@cxkit/ui'
import { importMessages } from './import-messages.js'
import './cx-import-page.js'

// The browser entry (`@cxkit/plugin-crm-import/dashboard`): the page's words first, then its elements.
addMessages('crm-import', importMessages)

export { CxImportPage } from './cx-import-page.js'

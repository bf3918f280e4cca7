import { defineConfig } from '@cxkit/core'
import { cesPlugin } from '@cxkit/plugin-ces'
import { churnClvPlugin } from '@cxkit/plugin-churn-clv'
import { crmImportPlugin } from '@cxkit/plugin-crm-import'
import { csatPlugin } from '@cxkit/plugin-csat'
import { journeyPlugin } from '@cxkit/plugin-journey'
import { npsPlugin } from '@cxkit/plugin-nps'
import { renewalRatePlugin } from '@cxkit/plugin-renewal-rate'
import { surveysPlugin } from '@cxkit/plugin-surveys'

/** The plugins the bundled app runs. The dashboard build reads this file too. */
export default defineConfig({
  plugins: [
    surveysPlugin(),
    npsPlugin(),
    csatPlugin({ scale: 5, topBoxes: 2 }),
    cesPlugin({ easyFrom: 5 }),
    renewalRatePlugin({ target: 0.85 }),
    journeyPlugin(),
    churnClvPlugin(),
    // Uploads wait beside the default database (./data); CXKIT_UPLOADS_DIR puts them elsewhere.
    crmImportPlugin({ uploadsDir: process.env.CXKIT_UPLOADS_DIR ?? './data/uploads' }),
  ],
  // No `locale`: the dashboard speaks each browser's language (Dutch or English) until a user picks one.
  branding: { productName: 'cxkit' },
})

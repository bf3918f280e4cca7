import { defineConfig } from '@cxkit/core'
import { renewalRatePlugin } from '@cxkit/plugin-renewal-rate'

/** The plugins the bundled app runs. The dashboard build reads this file too. */
export default defineConfig({
  plugins: [renewalRatePlugin({ target: 0.85 })],
  locale: 'en',
  branding: { productName: 'cxkit' },
})

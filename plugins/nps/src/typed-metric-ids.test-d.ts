import { surveysPlugin } from '@cxkit/plugin-surveys'
import { createTestApp } from '@cxkit/testing'
import { createApiClient } from '@cxkit/ui'
import { describe, it } from 'vitest'
import { npsPlugin } from './index.js'

const period = { from: '2026-01-01', to: '2026-02-01' }
const request = { workspace: 'demo', ...period }

// Type tests: `pnpm typecheck` fails if a line marked @ts-expect-error compiles after all. The functions
// are only compiled, never called.
describe('metric ids are checked', () => {
  it('by the test harness, against the plugins under test', () => {
    async function _harness() {
      const test = await createTestApp({ plugins: [surveysPlugin(), npsPlugin()] })
      await test.api.metric('nps', { period })
      // @ts-expect-error no plugin under test has a metric 'npz'
      await test.api.metric('npz', { period })
    }
  })

  it('by the typed API client, against the registered plugins', () => {
    async function _client() {
      const api = createApiClient()
      await api.metric('nps', request)
      // @ts-expect-error no registered plugin has a metric 'npz'
      await api.metric('npz', request)
    }
  })
})

import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'

describe('the widget bundle', () => {
  it('is one module under 20 KB gzipped that defines <cx-survey> and imports nothing', () => {
    const bundle = readFileSync(new URL('../dist/cx-survey.js', import.meta.url))
    const gzipped = gzipSync(bundle, { level: 9 }).length
    expect(gzipped).toBeLessThan(20 * 1024)
    const source = bundle.toString('utf8')
    expect(source).toContain('customElements.define("cx-survey"')
    expect(source).not.toMatch(/^import /m)
  })
})

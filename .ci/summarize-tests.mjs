// Adds up the per-package vitest summaries of a `pnpm test` log into one closing line.
import { readFileSync } from 'node:fs'

const text = readFileSync(process.argv[2], 'utf8').replace(/\x1b\[[0-9;]*m/g, '')
let passed = 0
let failed = 0
let skipped = 0
for (const line of text.split('\n')) {
  const match = line.match(/^\S*\s*Tests\s+(.*)$/)
  if (!match || !/\d+ (passed|failed|skipped)/.test(match[1])) continue
  passed += Number(match[1].match(/(\d+) passed/)?.[1] ?? 0)
  failed += Number(match[1].match(/(\d+) failed/)?.[1] ?? 0)
  skipped += Number(match[1].match(/(\d+) skipped/)?.[1] ?? 0)
}
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`)

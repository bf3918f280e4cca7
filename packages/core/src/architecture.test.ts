import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('.', import.meta.url))

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')
        ? [join(dir, entry.name)]
        : [],
  )
}

describe('@cxkit/core stays at the bottom of the house', () => {
  const imports = sourceFiles(root).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)].map((match) => ({ file, specifier: match[1]! })),
  )

  it('imports no other cxkit package, no driver, no HTTP and no Node built-in', () => {
    const forbidden = imports.filter(
      ({ specifier }) =>
        specifier.startsWith('@cxkit/') ||
        specifier.startsWith('node:') ||
        ['better-sqlite3', 'pg', 'hono', 'lit'].some((name) => specifier === name || specifier.startsWith(`${name}/`)),
    )
    expect(forbidden).toEqual([])
  })

  it('uses kysely for types only', () => {
    const kysely = imports.filter(({ specifier }) => specifier === 'kysely')
    for (const { file } of kysely) {
      expect(readFileSync(file, 'utf8')).toMatch(/import type \{[^}]*\} from 'kysely'/)
    }
  })

  it('declares no dependency on another cxkit package', () => {
    const manifest = JSON.parse(readFileSync(join(root, '..', 'package.json'), 'utf8'))
    expect(Object.keys(manifest.dependencies ?? {}).filter((name) => name.startsWith('@cxkit/'))).toEqual([])
  })
})

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  coreStaysAtTheBottom,
  cxkitDependenciesOf,
  dashboardStaysInTheBrowser,
  findViolations,
  pluginsUseTheirContext,
  typeScriptFiles,
} from './house-rules.js'
import { readFileImports, readImports } from './read-imports.js'

const repositoryRoot = fileURLToPath(new URL('../../..', import.meta.url))
const rules = [
  coreStaysAtTheBottom,
  pluginsUseTheirContext(cxkitDependenciesOf(repositoryRoot)),
  dashboardStaysInTheBrowser,
]

describe('the house keeps its import rules', () => {
  it('holds for every source file of the repository', () => {
    const files = ['packages', 'plugins', 'apps'].flatMap((folder) =>
      typeScriptFiles(join(repositoryRoot, folder)).map((file) => ({ file, uses: readFileImports(file) })),
    )
    expect(files.length).toBeGreaterThan(100)
    expect(findViolations(rules, files)).toEqual([])
    // Parses every source file of the repository: seconds alone, far longer beside the other packages' tests.
  }, 180_000)

  it('core declares no dependency on another cxkit package', () => {
    const manifest = JSON.parse(readFileSync(join(repositoryRoot, 'packages/core/package.json'), 'utf8'))
    expect(Object.keys(manifest.dependencies ?? {}).filter((name) => name.startsWith('@cxkit/'))).toEqual([])
  })
})

describe('a planted violation is caught', () => {
  const plant = (file: string, line: string) => findViolations(rules, [{ file, uses: readImports(line) }])
  const coreFile = join(repositoryRoot, 'packages/core/src/planted.ts')

  it.each([
    ['a value import of kysely', "import { sql } from 'kysely'"],
    ['a side-effect import of a built-in', "import 'node:fs'"],
    ['a bare built-in', "import { readFileSync } from 'fs'"],
    ['a dynamic import of a driver', "const pg = await import('pg')"],
    ['a require', "const Database = require('better-sqlite3')"],
    ['an import-equals require', "import http = require('node:http')"],
    ['a re-export', "export { Hono } from 'hono'"],
    ['another cxkit package', "import { openDatabase } from '@cxkit/db'"],
    ['a computed dynamic import', 'await import(driverName)'],
  ])('in core: %s', (_, line) => {
    expect(plant(coreFile, line)).toHaveLength(1)
  })

  it('lets core use kysely for types', () => {
    expect(plant(coreFile, "import type { Kysely } from 'kysely'")).toEqual([])
  })

  it.each([
    ['the database package', "import { openDatabase } from '@cxkit/db'"],
    ['a driver, dynamically', "const { Pool } = await import('pg')"],
    ['a cxkit package the manifest does not list', "import { startApp } from '@cxkit/server'"],
    ['a plugin it does not depend on', "import { npsPlugin } from '@cxkit/plugin-nps'"],
  ])('in a plugin: %s', (_, line) => {
    expect(plant(join(repositoryRoot, 'plugins/renewal-rate/src/planted.ts'), line)).toHaveLength(1)
  })

  it.each([
    ['kysely', "import { sql } from 'kysely'"],
    ['a Node built-in', "import 'node:crypto'"],
    ['the server', "require('@cxkit/server')"],
  ])('in a dashboard panel: %s', (_, line) => {
    expect(plant(join(repositoryRoot, 'plugins/nps/src/dashboard/planted.ts'), line)).not.toEqual([])
  })

  it('leaves tests alone', () => {
    expect(plant(join(repositoryRoot, 'packages/core/src/planted.test.ts'), "import 'node:fs'")).toEqual([])
  })
})

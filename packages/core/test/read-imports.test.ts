import { describe, expect, it } from 'vitest'
import { readImports } from './read-imports.js'

describe('readImports', () => {
  it('finds every form a module can be brought in by, with its kind and line', () => {
    const source = [
      "import { sql } from 'kysely'",
      "import type { Kysely } from 'kysely'",
      "import { type Generated } from 'kysely'",
      "import 'node:fs'",
      "export { Pool } from 'pg'",
      "export type { Client } from 'pg'",
      "const pg = await import('pg')",
      "const fs = require('fs')",
      "import http = require('node:http')",
      'type Hono = typeof import(`hono`)',
      'const later = () => import(name)',
    ].join('\n')
    expect(readImports(source)).toEqual([
      { specifier: 'kysely', kind: 'static', line: 1 },
      { specifier: 'kysely', kind: 'type', line: 2 },
      { specifier: 'kysely', kind: 'static', line: 3 },
      { specifier: 'node:fs', kind: 'side-effect', line: 4 },
      { specifier: 'pg', kind: 're-export', line: 5 },
      { specifier: 'pg', kind: 'type', line: 6 },
      { specifier: 'pg', kind: 'dynamic', line: 7 },
      { specifier: 'fs', kind: 'require', line: 8 },
      { specifier: 'node:http', kind: 'require', line: 9 },
      { specifier: 'hono', kind: 'type', line: 10 },
      { specifier: '<computed>', kind: 'dynamic', line: 11 },
    ])
  })

  it('is not fooled by module names in strings and comments', () => {
    const source = ["// import 'pg'", 'const text = "from \'pg\'"', "/* require('fs') */ export const x = 1"].join('\n')
    expect(readImports(source)).toEqual([])
  })
})

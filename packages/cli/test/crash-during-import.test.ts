import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createHost } from '@cxkit/core'
import { type CxDatabase, createWorkspace, migrate, openDatabase } from '@cxkit/db'
import { createScratchPostgres, testPostgresUrl } from '@cxkit/db/testing'
import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { loadConfig } from '../src/load-config.js'
import { bundledConfig, runCli } from './run-cli.js'

/** A database to import into, and how many bytes its storage takes (written but not yet committed included). */
interface Target {
  url: string
  storedBytes(database: CxDatabase): Promise<number>
  /** Growth of `storedBytes` after which the import is killed: about 55 % of what the whole file takes. */
  killAfterBytes: number
  cleanup(): Promise<void>
}

const targets: { name: string; make: () => Promise<Target> }[] = [
  {
    name: 'sqlite',
    make: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'cxkit-import-crash-'))
      const file = join(dir, 'import.db')
      const size = (path: string) => {
        try {
          return statSync(path).size
        } catch {
          return 0
        }
      }
      return {
        url: `sqlite:${file}`,
        // A transaction's pages spill into the write-ahead log before it commits.
        storedBytes: async () => size(file) + size(`${file}-wal`),
        killAfterBytes: 6_000_000,
        cleanup: async () => rmSync(dir, { recursive: true, force: true }),
      }
    },
  },
]
const pgUrl = testPostgresUrl()
if (pgUrl) {
  targets.push({
    name: 'postgres',
    make: async () => {
      const scratch = await createScratchPostgres(pgUrl)
      return {
        url: scratch.url,
        // Rows a transaction inserts take their pages in the table before it commits.
        storedBytes: async (database) => {
          const { rows } = await sql<{ bytes: string | number }>`
            select pg_total_relation_size('surveys_answers') + pg_total_relation_size('surveys_responses') as bytes`.execute(
            database.db,
          )
          return Number(rows[0]?.bytes ?? 0)
        },
        killAfterBytes: 4_500_000,
        cleanup: scratch.drop,
      }
    },
  })
}

const rows = 12_000
const bin = fileURLToPath(new URL('../bin/cxkit.js', import.meta.url))

/** A spreadsheet of `rows` answers, every row different, spread over a year. */
function writeExport(file: string) {
  const lines = ['submitted_at;question_type;score;customer;comment']
  for (let i = 0; i < rows; i++) {
    const day = new Date(Date.UTC(2025, 0, 1 + (i % 365))).toISOString().slice(0, 10)
    lines.push(`${day};nps;${i % 11};C-${i};answer ${i} of the export`)
  }
  writeFileSync(file, `${lines.join('\n')}\n`)
}

async function countResponses(database: CxDatabase): Promise<number> {
  const { rows: counted } = await sql<{ n: string | number }>`select count(*) as n from surveys_responses`.execute(
    database.db,
  )
  return Number(counted[0]?.n ?? 0)
}

for (const { name, make } of targets) {
  describe(`an import killed part-way on ${name}`, () => {
    let target: Target | undefined
    let dir: string | undefined
    afterEach(async () => {
      await target?.cleanup()
      if (dir) rmSync(dir, { recursive: true, force: true })
    })

    // Two CLI runs of a 12,000-row file: about 30 s on a quiet two-core machine, more when it is shared.
    it('leaves the file whole or absent, and a second run completes it', { timeout: 180_000 }, async () => {
      target = await make()
      dir = mkdtempSync(join(tmpdir(), 'cxkit-import-file-'))
      const file = join(dir, 'export.csv')
      writeExport(file)
      const { config } = await loadConfig(bundledConfig)
      const database = await openDatabase(target.url)
      try {
        await migrate(database, createHost(config.plugins))
        await createWorkspace(database, { id: 'acme', name: 'Acme', locale: 'en' })
        const before = await target.storedBytes(database)

        const child = spawn(
          process.execPath,
          [bin, 'import', file, '--entity', 'responses', '--config', bundledConfig, '--db', target.url],
          {
            stdio: 'ignore',
          },
        )
        const exited = new Promise<NodeJS.Signals | null>((resolve) =>
          child.once('exit', (_, signal) => resolve(signal)),
        )
        let running = true
        void exited.then(() => {
          running = false
        })
        // Killed once the import has written more than half of its rows, past its first batch of 5,000,
        // while it is still writing: at a point given by the data written, not by a clock.
        const killAt = before + target.killAfterBytes
        while (running && (await target.storedBytes(database)) < killAt) await new Promise((r) => setTimeout(r, 5))
        child.kill('SIGKILL')
        expect(await exited).toBe('SIGKILL')

        expect([0, rows]).toContain(await countResponses(database))
      } finally {
        await database.close()
      }

      const again = await runCli([
        'import',
        file,
        '--entity',
        'responses',
        '--config',
        bundledConfig,
        '--db',
        target.url,
      ])
      expect(again.stderr).toBe('')
      expect(again.code).toBe(0)
      const reopened = await openDatabase(target.url)
      try {
        expect(await countResponses(reopened)).toBe(rows)
      } finally {
        await reopened.close()
      }
    })
  })
}

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createScratchPostgres, testPostgresUrl } from '@cxkit/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundledConfig, runCli } from './run-cli.js'

interface Target {
  url: string
  cleanup: () => Promise<void>
}

const targets: [string, () => Promise<Target>][] = [
  [
    'sqlite',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'cxkit-workspace-'))
      return {
        url: `sqlite:${join(dir, 'cli.db')}`,
        cleanup: async () => rmSync(dir, { recursive: true, force: true }),
      }
    },
  ],
]
const pgUrl = testPostgresUrl()
if (pgUrl) {
  targets.push([
    'postgres',
    async () => {
      const scratch = await createScratchPostgres(pgUrl)
      return { url: scratch.url, cleanup: scratch.drop }
    },
  ])
}

for (const [name, makeTarget] of targets) {
  describe(`cxkit workspace on ${name}`, () => {
    let target: Target
    beforeAll(async () => {
      target = await makeTarget()
    })
    afterAll(async () => {
      await target.cleanup()
    })
    const cli = (...args: string[]) => runCli(['workspace', ...args, '--config', bundledConfig, '--db', target.url])
    const listed = async () => JSON.parse((await cli('list', '--json')).stdout) as { id: string; name: string }[]

    it('creates a workspace with a stage model, and refuses bad input and a taken id', async () => {
      const created = await cli('create', 'acme', '--name', 'Acme', '--locale', 'nl', '--stage-model', 'subscription')
      expect(created.stderr).toBe('')
      expect(created.code).toBe(0)
      expect(created.stdout).toContain("created workspace 'acme' (Acme, nl) with the 5 stages of 'subscription'")

      const bad = await cli('create', 'Not A Slug', '--name', 'X', '--locale', 'fr')
      expect(bad.code).toBe(2)
      expect(bad.stderr).toContain('<id>: must be lower-case letters, digits and dashes')
      expect(bad.stderr).toContain('--locale:')
      const unknownModel = await cli('create', 'beta', '--name', 'Beta', '--stage-model', 'nope')
      expect(unknownModel.code).toBe(2)
      expect(unknownModel.stderr).toContain(
        "--stage-model: unknown stage model 'nope': choose one of 'default', 'subscription'",
      )
      const taken = await cli('create', 'acme', '--name', 'Again')
      expect(taken.code).not.toBe(0)
      expect(taken.stderr).toContain("workspace 'acme' already exists")

      expect(await listed()).toMatchObject([{ id: 'acme', name: 'Acme', locale: 'nl' }])
    })

    it('renames a workspace; an unknown id or an empty name fails', async () => {
      expect((await cli('rename', 'acme', 'Acme Europe')).code).toBe(0)
      expect(await listed()).toMatchObject([{ id: 'acme', name: 'Acme Europe' }])
      const unknown = await cli('rename', 'nope', 'X')
      expect(unknown.code).not.toBe(0)
      expect(unknown.stderr).toContain("workspace 'nope' does not exist")
      const empty = await cli('rename', 'acme', '')
      expect(empty.code).toBe(2)
      expect(empty.stderr).toContain('<name>:')
    })

    it('deletes a workspace only with --yes, after saying what would go', async () => {
      expect((await cli('create', 'keep', '--name', 'Keep')).code).toBe(0)
      const refused = await cli('delete', 'acme')
      expect(refused.code).toBe(2)
      expect(refused.stderr).toContain('stages: 5 rows')
      expect(refused.stderr).toContain('--yes')
      expect((await listed()).map((w) => w.id)).toEqual(['acme', 'keep'])

      const deleted = await cli('delete', 'acme', '--yes')
      expect(deleted.code).toBe(0)
      expect(deleted.stdout).toContain("deleted workspace 'acme'")
      expect((await listed()).map((w) => w.id)).toEqual(['keep'])
      const again = await cli('delete', 'acme', '--yes')
      expect(again.code).not.toBe(0)
      expect(again.stderr).toContain("workspace 'acme' does not exist")
      expect((await cli('list')).stdout).toMatch(/^keep\tKeep\ten\t/)
    })
  })
}

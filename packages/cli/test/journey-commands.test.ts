import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DatabaseTarget, databaseTargets } from './database-targets.js'
import { bundledConfig, runCli } from './run-cli.js'

for (const makeTarget of databaseTargets('cxkit-cli-journey-')) {
  describe('cxkit stage and touchpoint', () => {
    let target: DatabaseTarget
    beforeAll(async () => {
      target = await makeTarget()
      const created = await runCli([
        'workspace',
        'create',
        'acme',
        '--name',
        'Acme',
        '--config',
        bundledConfig,
        '--db',
        target.url,
      ])
      expect(created.code).toBe(0)
    })
    afterAll(async () => {
      await target.cleanup()
    })
    const cli = (...args: string[]) => runCli([...args, '--config', bundledConfig, '--db', target.url])

    it('adds, edits and lists touchpoints in the only workspace, naming the option of bad input', async () => {
      const added = await cli(
        'touchpoint',
        'add',
        'web-checkout',
        '--stage',
        'purchase',
        '--channel',
        'website',
        '--owner',
        'E-commerce',
      )
      expect(added.stderr).toBe('')
      expect(added.code).toBe(0)
      expect(added.stdout).toContain("added touchpoint 'web-checkout' (Web checkout) to stage 'purchase' of 'acme'")

      const badStage = await cli('touchpoint', 'add', 'kiosk', '--stage', 'nope', '--channel', 'shop')
      expect(badStage.code).toBe(2)
      expect(badStage.stderr).toContain("--stage: stage 'nope' does not exist in workspace 'acme'")
      const badChannel = await cli('touchpoint', 'add', 'kiosk', '--stage', 'purchase', '--channel', 'widget')
      expect(badChannel.code).toBe(2)
      expect(badChannel.stderr).toContain('--channel:')
      const taken = await cli('touchpoint', 'add', 'web-checkout', '--stage', 'purchase', '--channel', 'website')
      expect(taken.code).toBe(1)
      expect(taken.stderr).toContain("touchpoint 'web-checkout' already exists in workspace 'acme'")
      const noWorkspace = await cli('touchpoint', 'list', '--workspace', 'nope')
      expect(noWorkspace.code).toBe(1)
      expect(noWorkspace.stderr).toContain("workspace 'nope' does not exist")

      const edited = await cli(
        'touchpoint',
        'edit',
        'web-checkout',
        '--stage',
        'delivery',
        '--owner',
        '',
        '--name',
        'Checkout',
      )
      expect(edited.code).toBe(0)
      const listed = JSON.parse((await cli('touchpoint', 'list', '--json')).stdout)
      expect(listed).toEqual([
        {
          id: 'web-checkout',
          name: 'Checkout',
          stageId: 'delivery',
          channel: 'website',
          kind: null,
          ownerTeam: null,
          description: null,
        },
      ])
    })

    it('adds, renames, reorders and removes stages, moving touchpoints along', async () => {
      expect((await cli('stage', 'add', 'repair', 'Repair', '--nl', 'Reparatie', '--after', 'delivery')).code).toBe(0)
      const renamed = await cli('stage', 'rename', 'purchase', 'Order')
      expect(renamed.stdout).toContain("renamed stage 'purchase': Order / Aankoop")

      const badOrder = await cli('stage', 'reorder', 'awareness', 'purchase')
      expect(badOrder.code).toBe(2)
      expect(badOrder.stderr).toContain('<ids…>: must list every stage of the workspace')
      const order = ['advocacy', 'retention', 'repair', 'delivery', 'purchase', 'consideration', 'awareness']
      expect((await cli('stage', 'reorder', ...order)).code).toBe(0)

      const refused = await cli('stage', 'remove', 'delivery')
      expect(refused.code).toBe(1)
      expect(refused.stderr).toContain("stage 'delivery' still has 1 touchpoint")
      const badMove = await cli('stage', 'remove', 'delivery', '--move-to', 'nope')
      expect(badMove.code).toBe(2)
      expect(badMove.stderr).toContain('--move-to:')
      expect((await cli('stage', 'remove', 'delivery', '--move-to', 'repair')).code).toBe(0)

      const stages = JSON.parse((await cli('stage', 'list', '--json')).stdout) as {
        id: string
        touchpointCount: number
      }[]
      expect(stages.map((stage) => stage.id)).toEqual(order.filter((id) => id !== 'delivery'))
      expect(stages.find((stage) => stage.id === 'repair')?.touchpointCount).toBe(1)
      expect((await cli('touchpoint', 'remove', 'web-checkout')).code).toBe(0)
      expect(JSON.parse((await cli('touchpoint', 'list', '--json')).stdout)).toEqual([])
    })
  })
}

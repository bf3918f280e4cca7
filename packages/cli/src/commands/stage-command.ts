import { addStage, listWorkspaceStages, relabelStage, removeStage, reorderStages, type WorkspaceStage } from '@cxkit/db'
import type { Command } from 'commander'
import {
  chosenWorkspace,
  type DatabaseOptions,
  databaseOptions,
  withDatabase,
  workspaceOption,
} from './database-access.js'
import { withArgumentNames } from './journey-field-names.js'

interface StageOptions extends DatabaseOptions {
  workspace?: string
  nl?: string
  after?: string
  moveTo?: string
}

/** How the CLI names each stage field: as the user typed it. */
const argumentNames = {
  'body.id': '<id>',
  'body.label': '<label>',
  'body.label.en': '<label>',
  'body.en': '<label>',
  'body.label.nl': '--nl',
  'body.nl': '--nl',
  'body.after': '--after',
  'query.moveTo': '--move-to',
  'body.ids': '<ids…>',
  body: '<label>',
}

function describeStage(stage: WorkspaceStage): string {
  return `${stage.position + 1}. ${stage.id}\t${stage.label.en}\t${stage.label.nl ?? ''}\t${stage.touchpointCount} touchpoints`
}

/** `cxkit stage list | add | rename | remove | reorder`: the ordered stages of a workspace's journey. */
export function registerStageCommand(program: Command): void {
  const stage = program
    .command('stage')
    .description("list, add, rename, remove and reorder a workspace's journey stages")

  databaseOptions(stage.command('list'))
    .description("list a workspace's stages in order, with their number of touchpoints")
    .option(...workspaceOption)
    .option('--json', 'print JSON')
    .action(async (options: StageOptions & { json?: boolean }) => {
      const stages = await withDatabase(options, async (database) =>
        listWorkspaceStages(database, await chosenWorkspace(database, options.workspace)),
      )
      if (options.json) process.stdout.write(`${JSON.stringify(stages, null, 2)}\n`)
      else for (const row of stages) process.stdout.write(`${describeStage(row)}\n`)
    })

  databaseOptions(stage.command('add <id> <label>'))
    .description('add a stage (English label; --nl for Dutch), after another or at the end')
    .option('--nl <label>', 'Dutch label')
    .option('--after <stage>', 'put it right after this stage (default: at the end)')
    .option(...workspaceOption)
    .action(async (id: string, label: string, options: StageOptions) => {
      await withDatabase(options, async (database) => {
        const workspace = await chosenWorkspace(database, options.workspace)
        const added = await withArgumentNames(argumentNames, () =>
          addStage(database, workspace, {
            id,
            label: { en: label, ...(options.nl === undefined ? {} : { nl: options.nl }) },
            ...(options.after === undefined ? {} : { after: options.after }),
          }),
        )
        process.stdout.write(`added stage '${added.id}' to '${workspace}' as number ${added.position + 1}\n`)
      })
    })

  databaseOptions(stage.command('rename <id> [label]'))
    .description('give a stage a new English label, a new Dutch one (--nl), or both; its id stays')
    .option('--nl <label>', 'Dutch label ("" removes it)')
    .option(...workspaceOption)
    .action(async (id: string, label: string | undefined, options: StageOptions) => {
      const nl = options.nl === undefined ? {} : { nl: options.nl === '' ? null : options.nl }
      await withDatabase(options, async (database) => {
        const workspace = await chosenWorkspace(database, options.workspace)
        const renamed = await withArgumentNames(argumentNames, () =>
          relabelStage(database, workspace, id, { ...(label === undefined ? {} : { en: label }), ...nl }),
        )
        process.stdout.write(
          `renamed stage '${renamed.id}': ${renamed.label.en} / ${renamed.label.nl ?? '(no Dutch label)'}\n`,
        )
      })
    })

  databaseOptions(stage.command('remove <id>'))
    .description('remove a stage; one with touchpoints needs --move-to')
    .option('--move-to <stage>', "move the stage's touchpoints to this stage first")
    .option(...workspaceOption)
    .action(async (id: string, options: StageOptions) => {
      await withDatabase(options, async (database) => {
        const workspace = await chosenWorkspace(database, options.workspace)
        await withArgumentNames(argumentNames, () =>
          removeStage(database, workspace, id, options.moveTo === undefined ? {} : { moveTo: options.moveTo }),
        )
        const moved = options.moveTo === undefined ? '' : `, its touchpoints moved to '${options.moveTo}'`
        process.stdout.write(`removed stage '${id}' from '${workspace}'${moved}\n`)
      })
    })

  databaseOptions(stage.command('reorder <ids...>'))
    .description('put the stages in this order (every stage id of the workspace, once each)')
    .option(...workspaceOption)
    .action(async (ids: string[], options: StageOptions) => {
      await withDatabase(options, async (database) => {
        const workspace = await chosenWorkspace(database, options.workspace)
        const stages = await withArgumentNames(argumentNames, () => reorderStages(database, workspace, ids))
        for (const row of stages) process.stdout.write(`${describeStage(row)}\n`)
      })
    })
}

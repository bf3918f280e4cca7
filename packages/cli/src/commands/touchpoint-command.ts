import { type TouchpointChanges, touchpointChannels } from '@cxkit/core'
import { addTouchpoint, listTouchpoints, removeTouchpoint, requireWorkspace, updateTouchpoint } from '@cxkit/db'
import type { Command } from 'commander'
import {
  chosenWorkspace,
  type DatabaseOptions,
  databaseOptions,
  withDatabase,
  workspaceOption,
} from './database-access.js'
import { withArgumentNames } from './journey-field-names.js'

interface TouchpointOptions extends DatabaseOptions {
  workspace?: string
  stage?: string
  channel?: string
  name?: string
  owner?: string
  description?: string
}

/** How the CLI names each touchpoint field: as the user typed it. */
const argumentNames = {
  'body.id': '<id>',
  'body.stageId': '--stage',
  'body.channel': '--channel',
  'body.name': '--name',
  'body.ownerTeam': '--owner',
  'body.description': '--description',
}

const channelHelp = `touchpoint channel: ${touchpointChannels.join(', ')}`

/** An empty `--owner ""` or `--description ""` clears the value; left out, it stays. */
function clearable(value: string | undefined): string | null | undefined {
  return value === undefined ? undefined : value === '' ? null : value
}

/** `cxkit touchpoint add | list | edit | remove`: where a workspace's customers meet it, by stage and channel. */
export function registerTouchpointCommand(program: Command): void {
  const touchpoint = program.command('touchpoint').description("add, list, edit and remove a workspace's touchpoints")

  databaseOptions(touchpoint.command('add <id>'))
    .description('add a touchpoint to a stage of the workspace')
    .requiredOption('--stage <stage>', 'id of the stage it belongs to')
    .requiredOption('--channel <channel>', channelHelp)
    .option('--name <name>', 'display name (default: the id in words)')
    .option('--owner <team>', 'the team that owns it')
    .option('--description <text>', 'what it is')
    .option(...workspaceOption)
    .action(async (id: string, options: TouchpointOptions) => {
      await withDatabase(options, async (database) => {
        const workspace = await chosenWorkspace(database, options.workspace)
        const added = await withArgumentNames(argumentNames, () =>
          addTouchpoint(database, workspace, {
            id,
            stageId: options.stage ?? '',
            channel: options.channel as never,
            ...(options.name === undefined ? {} : { name: options.name }),
            ...(options.owner === undefined ? {} : { ownerTeam: options.owner }),
            ...(options.description === undefined ? {} : { description: options.description }),
          }),
        )
        process.stdout.write(
          `added touchpoint '${added.id}' (${added.name}) to stage '${added.stageId}' of '${workspace}', channel ${added.channel}\n`,
        )
      })
    })

  databaseOptions(touchpoint.command('list'))
    .description("list a workspace's touchpoints, by stage")
    .option(...workspaceOption)
    .option('--json', 'print JSON')
    .action(async (options: TouchpointOptions & { json?: boolean }) => {
      const touchpoints = await withDatabase(options, async (database) => {
        const workspace = await chosenWorkspace(database, options.workspace)
        await requireWorkspace(database, workspace)
        return listTouchpoints(database, workspace)
      })
      if (options.json) {
        process.stdout.write(`${JSON.stringify(touchpoints, null, 2)}\n`)
        return
      }
      if (touchpoints.length === 0) {
        process.stdout.write("no touchpoints yet: 'cxkit touchpoint add <id> --stage <stage> --channel <channel>'\n")
      }
      for (const row of touchpoints) {
        process.stdout.write(`${row.id}\t${row.name}\t${row.stageId}\t${row.channel}\t${row.ownerTeam ?? ''}\n`)
      }
    })

  databaseOptions(touchpoint.command('edit <id>'))
    .description('change a touchpoint; options left out keep their value, --owner "" and --description "" clear one')
    .option('--stage <stage>', 'move it to this stage')
    .option('--channel <channel>', channelHelp)
    .option('--name <name>', 'display name')
    .option('--owner <team>', 'the team that owns it')
    .option('--description <text>', 'what it is')
    .option(...workspaceOption)
    .action(async (id: string, options: TouchpointOptions) => {
      const changes: TouchpointChanges = {
        ...(options.stage === undefined ? {} : { stageId: options.stage }),
        ...(options.channel === undefined ? {} : { channel: options.channel as never }),
        ...(options.name === undefined ? {} : { name: options.name }),
        ...(options.owner === undefined ? {} : { ownerTeam: clearable(options.owner) }),
        ...(options.description === undefined ? {} : { description: clearable(options.description) }),
      }
      await withDatabase(options, async (database) => {
        const workspace = await chosenWorkspace(database, options.workspace)
        const changed = await withArgumentNames(argumentNames, () => updateTouchpoint(database, workspace, id, changes))
        process.stdout.write(
          `touchpoint '${changed.id}' (${changed.name}): stage '${changed.stageId}', channel ${changed.channel}, owner ${changed.ownerTeam ?? '(none)'}\n`,
        )
      })
    })

  databaseOptions(touchpoint.command('remove <id>'))
    .description('remove a touchpoint that no survey, answer or event names')
    .option(...workspaceOption)
    .action(async (id: string, options: TouchpointOptions) => {
      await withDatabase(options, async (database) => {
        const workspace = await chosenWorkspace(database, options.workspace)
        await removeTouchpoint(database, workspace, id)
        process.stdout.write(`removed touchpoint '${id}' from '${workspace}'\n`)
      })
    })
}

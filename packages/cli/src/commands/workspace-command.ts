import { CxError, stageModelsOf } from '@cxkit/core'
import { countWorkspaceRows, createWorkspace, deleteWorkspace, listWorkspaces, updateWorkspace } from '@cxkit/db'
import type { Command } from 'commander'
import { type DatabaseOptions, databaseOptions, withDatabase } from './database-access.js'
import { parseWorkspaceArguments, parseWorkspaceName, pickStageModel } from './workspace-arguments.js'

/** `cxkit workspace create | list | rename | delete`: the companies (or agency clients) of an install. */
export function registerWorkspaceCommand(program: Command): void {
  const workspace = program.command('workspace').description('create, list, rename and delete workspaces')

  databaseOptions(workspace.command('create <id>'))
    .description("create a workspace with a stage model's stages")
    .requiredOption('--name <name>', 'display name')
    .option('--locale <locale>', 'language: en or nl', 'en')
    .option('--stage-model <id>', "stage model to start from (see 'GET /api/stage-models')", 'default')
    .action(async (id: string, options: DatabaseOptions & { name: string; locale: string; stageModel: string }) => {
      const fields = parseWorkspaceArguments({ id, name: options.name, locale: options.locale })
      await withDatabase(options, async (database, host) => {
        const model = pickStageModel(stageModelsOf(host), options.stageModel)
        await createWorkspace(database, fields, model)
        process.stdout.write(
          `created workspace '${fields.id}' (${fields.name}, ${fields.locale}) with the ${model.stages.length} stages of '${model.id}'\n`,
        )
      })
    })

  databaseOptions(workspace.command('list'))
    .description('list every workspace')
    .option('--json', 'print JSON')
    .action(async (options: DatabaseOptions & { json?: boolean }) => {
      const workspaces = await withDatabase(options, (database) => listWorkspaces(database))
      if (options.json) {
        process.stdout.write(`${JSON.stringify(workspaces, null, 2)}\n`)
        return
      }
      if (workspaces.length === 0)
        process.stdout.write("no workspaces yet: 'cxkit workspace create <id> --name <name>'\n")
      for (const row of workspaces) process.stdout.write(`${row.id}\t${row.name}\t${row.locale}\t${row.createdAt}\n`)
    })

  databaseOptions(workspace.command('rename <id> <name>'))
    .description("change a workspace's display name")
    .action(async (id: string, name: string, options: DatabaseOptions) => {
      const checked = parseWorkspaceName(name)
      await withDatabase(options, async (database) => {
        await updateWorkspace(database, id, { name: checked })
        process.stdout.write(`renamed workspace '${id}' to ${checked}\n`)
      })
    })

  databaseOptions(workspace.command('delete <id>'))
    .description('delete a workspace and every row of it, in every table')
    .option('--yes', 'really delete: without it, only say what would be deleted')
    .action(async (id: string, options: DatabaseOptions & { yes?: boolean }) => {
      await withDatabase(options, async (database) => {
        const rows = await countWorkspaceRows(database, id)
        const what =
          rows.map((row) => `  ${row.table}: ${row.rows} rows`).join('\n') || '  no rows besides the workspace'
        if (!options.yes) {
          // A 400: the command was incomplete, so it exits with the bad-input code.
          throw new CxError(
            'CXKIT_CONFIRMATION_REQUIRED',
            `deleting workspace '${id}' would remove:\n${what}\nrun again with --yes to delete it`,
            { status: 400 },
          )
        }
        await deleteWorkspace(database, id)
        process.stdout.write(`deleted workspace '${id}':\n${what}\n`)
      })
    })
}

import { listImports, undoImport } from '@cxkit/plugin-crm-import'
import { chosenWorkspace, type CommonImportOptions, openImport } from './open-import.js'

/** `cxkit import list`: the workspace's imports, newest first. */
export async function listImportsCommand(options: CommonImportOptions & { json?: boolean }): Promise<void> {
  const { database, ctx } = await openImport(options)
  try {
    const runs = await listImports(ctx, await chosenWorkspace(database, options.workspace))
    if (options.json) {
      process.stdout.write(`${JSON.stringify(runs, null, 2)}\n`)
      return
    }
    if (runs.length === 0) process.stdout.write('no imports yet\n')
    for (const run of runs) {
      const state = run.undone_at ? `undone ${run.undone_at}` : run.status
      process.stdout.write(
        `${run.id}  ${run.started_at}  ${run.entity}  ${run.file}  ${state}  ` +
          `${run.inserted} inserted, ${run.updated} updated, ${run.unchanged} unchanged, ${run.rejected} rejected  by ${run.actor}\n`,
      )
    }
  } finally {
    await database.close()
  }
}

/** `cxkit import undo <id>`: reverses one import. */
export async function undoImportCommand(id: string, options: CommonImportOptions): Promise<void> {
  const { host, database, ctx } = await openImport(options)
  try {
    const { undoneAt } = await undoImport(ctx, host, id)
    process.stdout.write(`import ${id} undone at ${undoneAt}\n`)
  } finally {
    await database.close()
  }
}

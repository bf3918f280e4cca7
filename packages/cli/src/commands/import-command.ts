import { CxError, createHost, type ImporterDefinition } from '@cxkit/core'
import { createPluginContext, listWorkspaces, migrate, openDatabase, requireWorkspace } from '@cxkit/db'
import type { Command } from 'commander'
import { loadConfig } from '../load-config.js'
import { readCsv } from '../read-csv.js'

interface ImportOptions {
  entity: string
  config?: string
  db?: string
  workspace?: string
  dryRun?: boolean
}

const shownErrors = 25

/** `cxkit import <file> --entity <entity>`: a spreadsheet into the database, all rows or none. */
export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('import a CSV export (checked whole first: any error stores nothing)')
    .argument('<file>', 'CSV file with a header row; , ; or tab separated')
    .requiredOption('--entity <entity>', 'what the rows are, e.g. responses')
    .option('--config <file>', 'app config (default: ./cxkit.config.ts or $CXKIT_CONFIG)')
    .option('--db <url>', 'database URL (default: $CXKIT_DATABASE_URL or sqlite:./data/cxkit.db)')
    .option('--workspace <id>', 'workspace id (default: the only workspace)')
    .option('--dry-run', 'check the file and report, store nothing')
    .action(async (file: string, options: ImportOptions) => {
      const { config } = await loadConfig(options.config)
      const host = createHost(config.plugins)
      const found = host.plugins.flatMap((plugin) => plugin.importers.map((importer) => ({ plugin, importer })))
      const match = found.find(({ importer }) => importer.entity === options.entity)
      if (!match) {
        const known = found.map(({ importer }) => importer.entity).join(', ') || 'none'
        throw new CxError('CXKIT_CONFIG_INVALID', `no enabled plugin imports '${options.entity}'; importable: ${known}`)
      }
      const records = readCsv(file)
      checkColumns(match.importer, records[0]?.values ?? {}, file)
      const database = await openDatabase(options.db ?? process.env.CXKIT_DATABASE_URL ?? undefined)
      try {
        await migrate(database, host)
        const workspace = options.workspace ?? (await onlyWorkspace(database))
        await requireWorkspace(database, workspace)
        const report = await match.importer.run(createPluginContext(database, host, match.plugin), {
          workspace,
          records,
          dryRun: Boolean(options.dryRun),
        })
        const errorCount = report.errorCount ?? report.errors.length
        if (errorCount > 0) {
          for (const error of report.errors.slice(0, shownErrors)) {
            process.stderr.write(
              `${file}: row ${error.row}${error.column ? `, column ${error.column}` : ''}: ${error.message}\n`,
            )
          }
          if (errorCount > shownErrors) process.stderr.write(`… and ${errorCount - shownErrors} more\n`)
          const badRows = report.rowsWithErrors ?? new Set(report.errors.map((error) => error.row)).size
          process.stderr.write(`nothing was imported: ${errorCount} problem(s) in ${badRows} of ${report.rows} rows\n`)
          process.exitCode = 2
          return
        }
        process.stdout.write(
          options.dryRun
            ? `${file}: ${report.rows} rows are valid (dry run: nothing stored)\n`
            : `${file}: ${report.stored} ${options.entity} imported, ${report.duplicates} already present, from ${report.rows} rows\n`,
        )
      } finally {
        await database.close()
      }
    })
}

function checkColumns(importer: ImporterDefinition, first: Record<string, string>, file: string) {
  const missing = importer.columns
    .filter((column) => column.required && !(column.name in first))
    .map((column) => column.name)
  if (missing.length > 0) {
    const expected = importer.columns.map((c) => `${c.name}${c.required ? '' : ' (optional)'}`).join(', ')
    throw new CxError(
      'CXKIT_CONFIG_INVALID',
      `${file}: row 1 lacks the column(s) ${missing.join(', ')}; expected: ${expected}`,
    )
  }
}

async function onlyWorkspace(database: Awaited<ReturnType<typeof openDatabase>>): Promise<string> {
  const workspaces = await listWorkspaces(database)
  if (workspaces.length === 1) return workspaces[0]!.id
  throw new CxError(
    'CXKIT_CONFIG_INVALID',
    `pass --workspace <id>: the database has ${workspaces.length} workspaces (${workspaces.map((w) => w.id).join(', ') || 'none'})`,
  )
}

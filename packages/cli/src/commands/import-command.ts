import type { Command } from 'commander'
import { listImportsCommand, undoImportCommand } from './import/import-history.js'
import { type ImportFileOptions, importFile } from './import/import-file.js'

const configOption = ['--config <file>', 'app config (default: ./cxkit.config.ts or $CXKIT_CONFIG)'] as const
const dbOption = ['--db <url>', 'database URL (default: $CXKIT_DATABASE_URL or sqlite:./data/cxkit.db)'] as const
const workspaceOption = ['--workspace <id>', 'workspace id (default: the only workspace)'] as const
const collect = (value: string, previous: string[]) => [...previous, value]

/** `--config`, `--db`, `--workspace` and `--json` given before the subcommand's name belong to `import`: pass them on. */
function shared(sub: Command): { config?: string; db?: string; workspace?: string; json?: boolean } {
  const given = sub.parent?.opts<{ config?: string; db?: string; workspace?: string; json?: boolean }>() ?? {}
  const { config, db, workspace, json } = given
  return {
    ...(config ? { config } : {}),
    ...(db ? { db } : {}),
    ...(workspace ? { workspace } : {}),
    ...(json ? { json } : {}),
  }
}

/**
 * `cxkit import <file> --entity <entity>`: a file into the database, whole or not at all;
 * `cxkit import list` and `cxkit import undo <id>`.
 */
export function registerImportCommand(program: Command): void {
  const command = program
    .command('import')
    .description('import a CSV, XLSX, JSON or NDJSON export (whole or not at all); list and undo imports')
    .argument('<file>', 'the export to import')
    .option('--entity <entity>', 'what the rows are: customers, responses, …')
    .option(...workspaceOption)
    .option(
      '--preset <preset>',
      'the system that made the file: salesforce, hubspot or generic (default: detected from the header)',
    )
    .option(
      '--map <column=field>',
      'map a column to a field or attr.<key> (repeatable; column= leaves it out)',
      collect,
      [],
    )
    .option('--locale <locale>', 'how numbers are written: nl (1.234,5) or en (1,234.5); default: the preset’s')
    .option(
      '--date-order <order>',
      'how slashed dates are read: dmy, mdy or ymd; default: the locale’s, else the preset’s',
    )
    .option('--separator <separator>', 'CSV separator: , ; tab or whitespace (default: detected)')
    .option('--no-header', 'the file has no header row: columns are named 1, 2, …')
    .option('--encoding <encoding>', 'utf-8 or windows-1252 (default: detected)')
    .option('--source <system>', 'the system the ids in the file belong to (default: the preset’s)')
    .option('--on-error <mode>', 'abort: write nothing if any row is bad; skip: import the good rows', 'abort')
    .option('--rejects <file>', 'where skipped rows go (default: <file>.rejects.csv next to the file)')
    .option('--dry-run', 'do everything, then roll back: exact counts, nothing written')
    .option('--json', 'print the report as JSON')
    .option(...dbOption)
    .option(...configOption)
    .action(async (file: string, options: ImportFileOptions) => {
      process.exitCode = await importFile(file, options)
    })
  command
    .command('list')
    .description('the imports of a workspace, newest first')
    .option(...workspaceOption)
    .option('--json', 'print as JSON')
    .option(...dbOption)
    .option(...configOption)
    .action((options, sub: Command) => listImportsCommand({ ...shared(sub), ...options }))
  command
    .command('undo')
    .description('reverse an import (undo later imports of the same entity first)')
    .argument('<id>', 'the import id (see cxkit import list)')
    .option(...dbOption)
    .option(...configOption)
    .action((id: string, options, sub: Command) => undoImportCommand(id, { ...shared(sub), ...options }))
}

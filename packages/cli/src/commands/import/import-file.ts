import { userInfo } from 'node:os'
import { basename, dirname, extname, join } from 'node:path'
import { CxError } from '@cxkit/core'
import {
  openSource,
  type ReadOptions,
  runImport,
  type SourceEncoding,
  type SourceSeparator,
} from '@cxkit/plugin-crm-import'
import { exitCodes } from '../../report-error.js'
import { describeDetection, planFileMapping } from './import-mapping.js'
import { chosenWorkspace, type CommonImportOptions, openImport } from './open-import.js'
import { printProblems, summary } from './print-report.js'
import { createProgressBar } from './progress-bar.js'
import { createRejectsFile } from './rejects-file.js'

export interface ImportFileOptions extends CommonImportOptions {
  entity?: string
  preset?: string
  map: string[]
  locale?: string
  dateOrder?: string
  separator?: string
  header: boolean
  encoding?: string
  source?: string
  onError: string
  rejects?: string
  dryRun?: boolean
  json?: boolean
}

const separators: Record<string, SourceSeparator> = {
  ',': ',',
  ';': ';',
  tab: '\t',
  '\t': '\t',
  whitespace: 'whitespace',
}

function oneOf<T extends string>(option: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new CxError('CXKIT_CONFIG_INVALID', `${option} ${value}: use one of ${allowed.join(', ')}`, { status: 400 })
}

/** `cxkit import <file> --entity <entity> …`: see the command's help. Returns the exit code. */
export async function importFile(file: string, options: ImportFileOptions): Promise<number> {
  if (!options.entity) throw new CxError('CXKIT_CONFIG_INVALID', 'pass --entity <entity> (customers, responses, …)')
  const locale = oneOf('--locale', options.locale, ['en', 'nl'] as const)
  const dateOrder = oneOf('--date-order', options.dateOrder, ['dmy', 'mdy', 'ymd'] as const)
  const onError = oneOf('--on-error', options.onError, ['abort', 'skip'] as const) ?? 'abort'
  const encoding = oneOf<SourceEncoding>('--encoding', options.encoding, ['utf-8', 'windows-1252'])
  const separator = options.separator === undefined ? undefined : separators[options.separator]
  if (options.separator !== undefined && !separator) {
    throw new CxError('CXKIT_CONFIG_INVALID', `--separator ${options.separator}: use , ; tab or whitespace`)
  }
  const { host, database, ctx } = await openImport(options)
  try {
    const found = host.importEntity(options.entity)
    if (!found) {
      const known = host.importEntities.map(({ entity }) => entity.entity).join(', ')
      throw new CxError('CXKIT_CONFIG_INVALID', `nothing enabled imports '${options.entity}'; importable: ${known}`)
    }
    const workspace = await chosenWorkspace(database, options.workspace)
    const read: ReadOptions = { header: options.header }
    const source = await openSource(file, {
      ...read,
      ...(encoding ? { encoding } : {}),
      ...(separator ? { separator } : {}),
    })
    const { preset, match, mapping } = planFileMapping(found.entity, source.columns, options.preset, options.map)
    // A locale given without a date order brings its own: Dutch files write day first, English month first.
    const cells = {
      locale: locale ?? preset.locale,
      dateOrder:
        dateOrder ?? (locale ? (locale === 'nl' ? 'dmy' : 'mdy') : (match?.table.dateOrder ?? preset.dateOrder)),
    } as const
    const system = options.source ?? preset.source
    if (match) process.stderr.write(`${describeDetection(match, { system, ...cells })}\n`)
    const rejectsPath = options.rejects ?? join(dirname(file), `${basename(file, extname(file))}.rejects.csv`)
    const rejects = onError === 'skip' ? createRejectsFile(rejectsPath, source.columns) : undefined
    const progress = process.stderr.isTTY && !options.json ? createProgressBar(source.size) : undefined
    let report: Awaited<ReturnType<typeof runImport>>
    try {
      report = await runImport(ctx, {
        entity: found.entity,
        workspace,
        source,
        mapping,
        cells,
        onError,
        dryRun: Boolean(options.dryRun),
        system,
        actor: `cli:${userInfo().username}`,
        fileName: basename(file),
        onAttempt: () => rejects?.restart(),
        onReject: (line, problems, rowCells) => rejects?.write(line, problems, rowCells),
        onProgress: (done) => progress?.update(done),
      })
    } finally {
      rejects?.close()
    }
    progress?.done(report.rows)
    const failed =
      report.status === 'aborted' || (report.status === 'dry-run' && onError === 'abort' && report.errorCount > 0)
    if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
    else {
      printProblems(file, report, (text) => process.stderr.write(text))
      const line = summary(found.entity.entity, report)
      ;(failed ? process.stderr : process.stdout).write(`${line}\n`)
      if (rejects && rejects.count > 0)
        process.stdout.write(`${rejects.count} rejected row(s) written to ${rejects.path}\n`)
    }
    return failed ? exitCodes.badInput : 0
  } finally {
    await database.close()
  }
}

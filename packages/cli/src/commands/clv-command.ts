import { CxError, CxValidationError, createHost, findCustomers, silentLogger } from '@cxkit/core'
import { clvModelSchema, clvRefitEverySchema, clvUnitSchema } from '@cxkit/plugin-churn-clv/schema'
import {
  createFitJobRunner,
  fitModelsHere,
  fitOptionsWithDefaults,
  listFitJobs,
  predictCustomer,
  readClvSettings,
  writeClvSettings,
} from '@cxkit/plugin-churn-clv'
import type { Command } from 'commander'
import { z } from 'zod'
import { type CxDatabase, migrate, openDatabase } from '@cxkit/db'
import { loadConfig } from '../load-config.js'
import { chosenWorkspace, type DatabaseOptions, databaseOptions, workspaceOption } from './database-access.js'
import { formatClvFit, formatFitJobs, formatPrediction } from './clv/format-clv.js'

interface ClvOptions extends DatabaseOptions {
  workspace?: string
  until?: string
  unit?: string
  model?: string
  horizon?: string
  customer?: string
  margin?: string
  discountRate?: string
  refitEvery?: string
  json?: boolean
}

/**
 * Summarising millions of purchases is a long read, and this command is its only reader: the server's
 * 15-second bound would stop it, so the command allows ten minutes.
 */
const clvQueryTimeoutMs = 600_000

async function withDatabase<T>(options: DatabaseOptions, work: (database: CxDatabase) => Promise<T>): Promise<T> {
  const { config } = await loadConfig(options.config)
  const host = createHost(config.plugins)
  const database = await openDatabase(options.db ?? process.env.CXKIT_DATABASE_URL ?? undefined, {
    queryTimeoutMs: clvQueryTimeoutMs,
  })
  try {
    await migrate(database, host)
    return await work(database)
  } finally {
    await database.close()
  }
}

/** Each option's rule, keyed by the option as typed, so an error names `--until` rather than a field. */
const optionSchemas = {
  '--until': z.iso.date({ error: 'must be a date YYYY-MM-DD' }),
  '--unit': clvUnitSchema,
  '--model': clvModelSchema,
  '--horizon': z.coerce.number().positive().max(100_000),
  '--margin': z.coerce.number().min(0).max(1),
  '--discount-rate': z.coerce.number().min(0).max(10),
  '--refit-every': clvRefitEverySchema,
  '--customer': z.string().min(1).max(200),
}

function parseOptions<K extends keyof typeof optionSchemas>(
  values: Partial<Record<K, string>>,
): { [Key in K]?: z.output<(typeof optionSchemas)[Key]> } {
  const parsed: Record<string, unknown> = {}
  const problems = []
  for (const [option, value] of Object.entries(values) as [K, string | undefined][]) {
    if (value === undefined) continue
    const result = optionSchemas[option].safeParse(value)
    if (result.success) parsed[option] = result.data
    else problems.push({ field: option, code: 'invalid_value', message: result.error.issues[0]!.message })
  }
  if (problems.length > 0) throw new CxValidationError(problems)
  return parsed as { [Key in K]?: z.output<(typeof optionSchemas)[Key]> }
}

function print(json: boolean | undefined, result: unknown, format: () => string): void {
  process.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : format())
}

/**
 * `cxkit clv fit | jobs | predict | settings`: fit the purchase and spend models (recorded as a job, one
 * per workspace at a time, like the server's), list the recorded fit jobs, predict one customer, and set
 * the margin and discount rate CLV is valued with and how often the server refits.
 *
 * @example
 * registerClvCommand(program) // cxkit clv fit --until 1997-09-30 --unit week --json
 */
export function registerClvCommand(program: Command): void {
  const clv = program
    .command('clv')
    .description('customer lifetime value: fit BG/NBD or Pareto/NBD with Gamma-Gamma, predict')

  databaseOptions(
    clv
      .command('fit')
      .description("fit the models on the workspace's purchases and store every customer's scores")
      .option(...workspaceOption)
      .option('--until <date>', 'calibration end YYYY-MM-DD (UTC), purchases on it included (default: today)')
      .option('--unit <unit>', 'time unit of recency, T, α and the horizon: day | week | month', 'week')
      .option('--model <model>', 'purchase model: bgnbd | pareto-nbd', 'bgnbd')
      .option('--horizon <n>', 'how far ahead the stored scores look, in --unit (default: one year)')
      .option('--json', 'print the result as JSON'),
  ).action((options: ClvOptions) =>
    withDatabase(options, async (database) => {
      const workspace = await chosenWorkspace(database, options.workspace)
      const given = parseOptions({
        '--until': options.until,
        '--unit': options.unit,
        '--model': options.model,
        '--horizon': options.horizon,
      })
      const fitOptions = fitOptionsWithDefaults(
        { until: given['--until'], unit: given['--unit'], model: given['--model'], horizon: given['--horizon'] },
        Date.now(),
      )
      // In this process, with no event loop to keep free; through the lease, so a fit the server runs
      // on the same database is not doubled (a 409 names it).
      const runner = createFitJobRunner(
        { db: database.db, sql: database.sql, logger: silentLogger },
        { fitModels: fitModelsHere },
      )
      const { fit } = await runner.runHere(workspace, fitOptions, 'cli')
      print(options.json, fit, () => formatClvFit(fit))
    }),
  )

  databaseOptions(
    clv
      .command('jobs')
      .description("the workspace's latest 50 fit jobs: who started each (api, schedule, cli), when, how it ended")
      .option(...workspaceOption)
      .option('--json', 'print the result as JSON'),
  ).action((options: ClvOptions) =>
    withDatabase(options, async (database) => {
      const workspace = await chosenWorkspace(database, options.workspace)
      const jobs = await listFitJobs(database.db, workspace)
      print(options.json, jobs, () => formatFitJobs(jobs))
    }),
  )

  databaseOptions(
    clv
      .command('predict')
      .description("one customer's expected purchases, P(alive) and CLV over a horizon, from the latest fit")
      .option(...workspaceOption)
      .requiredOption('--customer <id>', "the customer's external id")
      .requiredOption('--horizon <n>', 'how far ahead, in --unit')
      .option('--unit <unit>', "unit of --horizon: day | week | month (default: the fit's)")
      .option('--json', 'print the result as JSON'),
  ).action((options: ClvOptions) =>
    withDatabase(options, async (database) => {
      const workspace = await chosenWorkspace(database, options.workspace)
      const given = parseOptions({
        '--customer': options.customer,
        '--horizon': options.horizon,
        '--unit': options.unit,
      })
      const externalId = given['--customer']!
      const customer = (await findCustomers(database, workspace, [externalId], ['id'])).get(externalId)
      if (!customer)
        throw new CxError('CXKIT_CUSTOMER_NOT_FOUND', `no customer '${externalId}' in workspace '${workspace}'`, {
          status: 404,
        })
      const prediction = await predictCustomer(database.db, workspace, customer.id, {
        horizon: given['--horizon']!,
        unit: given['--unit'],
      })
      const result = { ...prediction, customerId: externalId }
      print(options.json, result, () => formatPrediction(result))
    }),
  )

  databaseOptions(
    clv
      .command('settings')
      .description(
        'show or set the margin and yearly discount rate CLV is valued with, and how often the server refits',
      )
      .option(...workspaceOption)
      .option('--margin <rate>', 'share of spend that is profit, 0–1')
      .option('--discount-rate <rate>', 'yearly discount rate, e.g. 0.1')
      .option('--refit-every <period>', "how often the server refits with the last fit's options: off | daily | weekly")
      .option('--json', 'print the result as JSON'),
  ).action((options: ClvOptions) =>
    withDatabase(options, async (database) => {
      const workspace = await chosenWorkspace(database, options.workspace)
      const given = parseOptions({
        '--margin': options.margin,
        '--discount-rate': options.discountRate,
        '--refit-every': options.refitEvery,
      })
      const change = {
        ...(given['--margin'] !== undefined ? { marginRate: given['--margin'] } : {}),
        ...(given['--discount-rate'] !== undefined ? { yearlyDiscountRate: given['--discount-rate'] } : {}),
        ...(given['--refit-every'] !== undefined ? { refitEvery: given['--refit-every'] } : {}),
      }
      const settings =
        Object.keys(change).length > 0
          ? await writeClvSettings(database.db, workspace, change)
          : await readClvSettings(database.db, workspace)
      print(
        options.json,
        settings,
        () =>
          `margin ${settings.marginRate}, yearly discount rate ${settings.yearlyDiscountRate}, refit ${settings.refitEvery}\n`,
      )
    }),
  )
}

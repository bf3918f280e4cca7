import { Command } from 'commander'
import { registerChurnCommand } from './commands/churn-command.js'
import { registerClvCommand } from './commands/clv-command.js'
import { registerImportCommand } from './commands/import-command.js'
import { registerJourneyCommand } from './commands/journey-command.js'
import { registerMetricCommand } from './commands/metric-command.js'
import { registerMigrateCommand } from './commands/migrate-command.js'
import { registerSeedCommand } from './commands/seed-command.js'
import { registerServeCommand } from './commands/serve-command.js'
import { registerStageCommand } from './commands/stage-command.js'
import { registerTouchpointCommand } from './commands/touchpoint-command.js'
import { registerWorkspaceCommand } from './commands/workspace-command.js'

/** The `cxkit` program with every command registered. */
export function createProgram(): Command {
  const program = new Command('cxkit').description('cxkit — customer-experience toolkit').version('0.1.0')
  registerServeCommand(program)
  registerMigrateCommand(program)
  registerSeedCommand(program)
  registerMetricCommand(program)
  registerImportCommand(program)
  registerWorkspaceCommand(program)
  registerStageCommand(program)
  registerTouchpointCommand(program)
  registerJourneyCommand(program)
  registerClvCommand(program)
  registerChurnCommand(program)
  return program
}

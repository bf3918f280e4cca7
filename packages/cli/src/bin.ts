import { createProgram } from './create-program.js'
import { reportError } from './report-error.js'

try {
  await createProgram().parseAsync(process.argv)
} catch (error) {
  process.exitCode = reportError(error)
}

import { CxValidationError, isCxError } from '@cxkit/core'

/** Exit codes: 1 for a failure, 2 for bad input (so scripts can tell them apart). */
export const exitCodes = { failure: 1, badInput: 2 } as const

/** Prints an error for a person at a terminal and returns the exit code it deserves. */
export function reportError(
  error: unknown,
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): number {
  if ((error as { code?: string })?.code?.startsWith?.('commander.')) return exitCodes.badInput
  if (error instanceof CxValidationError) {
    write('error: invalid input')
    for (const field of error.fields) write(`  ${field.field}: ${field.message}`)
    return exitCodes.badInput
  }
  if (isCxError(error)) {
    write(`error: ${error.message}`)
    return error.status === 400 || error.code === 'CXKIT_CONFIG_INVALID' ? exitCodes.badInput : exitCodes.failure
  }
  write(`error: ${(error as Error)?.message ?? String(error)}`)
  return exitCodes.failure
}

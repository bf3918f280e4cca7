import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { Command } from 'commander'
import { createProgram } from '../src/create-program.js'
import { reportError } from '../src/report-error.js'

const bin = fileURLToPath(new URL('../bin/cxkit.js', import.meta.url))
export const bundledConfig = fileURLToPath(new URL('../../../apps/server/cxkit.config.ts', import.meta.url))

/** What one `cxkit` run printed, and its exit code. */
export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

/**
 * Runs the real `cxkit` binary in a process of its own and collects what it printed and its exit code.
 * Each start loads the CLI's TypeScript through tsx's loader, about five seconds of CPU: use
 * {@link runCli} for the commands and this for what only a process shows (the binary, exit on a signal).
 */
export function runCliProcess(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { env: { ...process.env, ...env }, timeout: 120_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr })
      },
    )
  })
}

/** Every command of the program, subcommands included. */
function commandsOf(command: Command): Command[] {
  return [command, ...command.commands.flatMap(commandsOf)]
}

let running = false

/**
 * Runs `cxkit` with `args` in this process, as `bin.ts` does: the same program, commands, config
 * loading and error reporting, with stdout and stderr collected and the exit code the process would
 * have ended with. Commander's own exits (bad option, `--help`) are turned into the same codes.
 * One run at a time: the output is collected from this process's streams.
 *
 * @example
 * const { code, stdout } = await runCli(['workspace', 'list', '--config', bundledConfig, '--db', url])
 */
export async function runCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  if (running) throw new Error('runCli runs one command at a time; use runCliProcess for concurrent runs')
  running = true
  const printed = { stdout: '', stderr: '' }
  const writes = { stdout: process.stdout.write, stderr: process.stderr.write }
  const collect =
    (stream: 'stdout' | 'stderr') =>
    (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
      printed[stream] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
      const done = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined
      done?.()
      return true
    }
  const savedEnv = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]))
  const savedExitCode = process.exitCode
  process.exitCode = undefined
  Object.assign(process.env, env)
  process.stdout.write = collect('stdout') as typeof process.stdout.write
  process.stderr.write = collect('stderr') as typeof process.stderr.write
  let code: number
  try {
    const program = createProgram()
    for (const command of commandsOf(program)) command.exitOverride()
    await program.parseAsync(['node', 'cxkit', ...args])
    code = Number(process.exitCode ?? 0)
  } catch (error) {
    // Commander has printed its message and would have ended the process with its exit code.
    const commander = (error as { code?: string }).code?.startsWith('commander.')
    code = commander ? (error as { exitCode: number }).exitCode : reportError(error)
  } finally {
    process.stdout.write = writes.stdout
    process.stderr.write = writes.stderr
    for (const [key, value] of Object.entries(savedEnv)) {
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
    }
    process.exitCode = savedExitCode
    running = false
  }
  return { code, ...printed }
}

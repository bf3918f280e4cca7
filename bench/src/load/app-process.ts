import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const server = fileURLToPath(new URL('./app-server.ts', import.meta.url))

/** The bundled app running in a process of its own, as in production. */
export interface AppProcess {
  url: string
  /** CPU time the app's process has used so far (user + system, all threads), in ms; NaN where /proc is missing. */
  cpuMs(): number
  stop(): Promise<void>
}

/**
 * Starts the bundled app's server (every plugin of apps/server's config, with the demo workspace)
 * on a database, on a free loopback port, in its own process: the load generator must not share
 * the server's event loop. Resolves once the server prints its URL.
 */
export async function startAppProcess(databaseUrl: string): Promise<AppProcess> {
  // Extra Node.js flags for the app, such as `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile it under load.
  const nodeFlags = (process.env.CXKIT_BENCH_SERVER_NODE_FLAGS ?? '').split(' ').filter(Boolean)
  const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', server, databaseUrl], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const url = await new Promise<string>((resolve, reject) => {
    let output = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('\n')) resolve(output.trim())
    })
    child.once('exit', (code) => reject(new Error(`the app exited (${code}) before it listened`)))
  })
  return { url, cpuMs: () => cpuMsOf(child.pid), stop: () => stop(child) }
}

/** utime + stime of a process from /proc/<pid>/stat (fields 14 and 15, in clock ticks of 10 ms). */
function cpuMsOf(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    return Number.NaN
  }
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

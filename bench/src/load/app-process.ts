import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const server = fileURLToPath(new URL('./app-server.ts', import.meta.url))

/** The bundled app running in a process of its own, as in production. */
export interface AppProcess {
  url: string
  stop(): Promise<void>
}

/**
 * Starts the bundled app's server (every plugin of apps/server's config, with the demo workspace)
 * on a database, on a free loopback port, in its own process: the load generator must not share
 * the server's event loop. Resolves once the server prints its URL.
 */
export async function startAppProcess(databaseUrl: string): Promise<AppProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', server, databaseUrl], {
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
  return { url, stop: () => stop(child) }
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

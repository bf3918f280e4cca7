import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export interface BundledApp {
  url: string
  databaseUrl: string
  output(): string
  stop(): Promise<void>
  /** Ends the process at once with SIGKILL, as a crash would: nothing is flushed, closed or rolled back. */
  kill(): Promise<void>
}

const appDir = fileURLToPath(new URL('..', import.meta.url))

/**
 * Starts the bundled app exactly as `pnpm start` runs it (its own process, `src/main.ts`), on a free
 * port and a fresh SQLite file (or the database `CXKIT_DATABASE_URL` in `env` names), and resolves with its
 * URL once it says it is listening.
 */
export async function startBundledApp(env: Record<string, string> = {}): Promise<BundledApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cxkit-app-'))
  const databaseUrl = env.CXKIT_DATABASE_URL ?? `sqlite:${join(dataDir, 'cxkit.db')}`
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: appDir,
    env: { ...process.env, PORT: '0', ...env, CXKIT_DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the app did not start within 60 s:\n${output}`)), 60_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = output.match(/listening on (http:\/\/\S+)/)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`the app exited with code ${code}:\n${output}`))
    })
  })
  return {
    url,
    databaseUrl,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((done) => child.once('exit', done))
        child.kill('SIGTERM')
        await exited
      }
      rmSync(dataDir, { recursive: true, force: true })
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise((done) => child.once('exit', done))
      child.kill('SIGKILL')
      await exited
    },
  }
}

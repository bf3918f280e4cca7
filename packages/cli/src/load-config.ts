import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { CxError, type CxkitConfig } from '@cxkit/core'

const defaultNames = ['cxkit.config.ts', 'cxkit.config.js', 'cxkit.config.mjs']

/**
 * Finds and imports the app config: `--config`, then `$CXKIT_CONFIG`, then `cxkit.config.{ts,js,mjs}`
 * in the working directory.
 */
export async function loadConfig(
  explicit: string | undefined,
  cwd = process.cwd(),
): Promise<{ path: string; config: CxkitConfig }> {
  const requested = explicit ?? process.env.CXKIT_CONFIG
  const path = requested
    ? resolve(cwd, requested)
    : defaultNames.map((name) => resolve(cwd, name)).find((file) => existsSync(file))
  if (!path) {
    throw new CxError('CXKIT_CONFIG_INVALID', `no cxkit.config.ts in ${cwd}: pass --config <file> or set CXKIT_CONFIG`)
  }
  if (!existsSync(path)) throw new CxError('CXKIT_CONFIG_INVALID', `config file ${path} does not exist`)
  const module = (await import(pathToFileURL(path).href)) as { default?: CxkitConfig }
  const config = module.default
  if (!config || !Array.isArray(config.plugins)) {
    throw new CxError('CXKIT_CONFIG_INVALID', `${path} must export default defineConfig({ plugins: [...] })`)
  }
  return { path, config }
}

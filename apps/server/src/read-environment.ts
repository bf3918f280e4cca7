import { CxError } from '@cxkit/core'
import { readQueryTimeout } from '@cxkit/db'

/** The bundled app's settings, from environment variables. */
export function readEnvironment(env: NodeJS.ProcessEnv) {
  const port = env.PORT === undefined || env.PORT === '' ? 8787 : Number(env.PORT)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new CxError('CXKIT_CONFIG_INVALID', `PORT must be a port number (0–65535), got '${env.PORT}'`)
  }
  return {
    port,
    hostname: env.HOST || '127.0.0.1',
    databaseUrl: env.CXKIT_DATABASE_URL || undefined,
    demo: env.CXKIT_DEMO !== '0',
    queryTimeoutMs: readQueryTimeout(env),
  }
}

import { CxError } from '@cxkit/core'
import { readQueryTimeout } from '@cxkit/db'
import { defaultAllowedHosts, parseAllowedHosts } from '@cxkit/server'

/** The bundled app's settings, from environment variables. */
export function readEnvironment(env: NodeJS.ProcessEnv) {
  const port = env.PORT === undefined || env.PORT === '' ? 8787 : Number(env.PORT)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new CxError('CXKIT_CONFIG_INVALID', `PORT must be a port number (0–65535), got '${env.PORT}'`)
  }
  const hostname = env.HOST || '127.0.0.1'
  return {
    port,
    hostname,
    allowedHosts: parseAllowedHosts(env.CXKIT_ALLOWED_HOSTS, defaultAllowedHosts(hostname)),
    databaseUrl: env.CXKIT_DATABASE_URL || undefined,
    demo: env.CXKIT_DEMO !== '0',
    queryTimeoutMs: readQueryTimeout(env),
  }
}

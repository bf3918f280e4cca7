import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { type Host, throwOnInvalid } from '@cxkit/core'
import { type CxDatabase, withMainConnectionReads } from '@cxkit/db'
import type { ServerEnv } from '../http/server-env.js'
import { pluginDescriptionSchema } from './schemas.js'

const health = createRoute({
  method: 'get',
  path: '/health',
  summary: 'Liveness and the database the server runs on',
  responses: {
    200: {
      description: 'The server is up and its database answers',
      content: {
        'application/json': {
          schema: z.object({
            status: z.literal('ok'),
            database: z.enum(['sqlite', 'postgres']),
            plugins: z.number().int(),
          }),
        },
      },
    },
  },
})

const plugins = createRoute({
  method: 'get',
  path: '/plugins',
  summary: 'The plugin registry: every enabled plugin, its metrics, panels and touchpoints',
  responses: {
    200: {
      description: 'Plugins in dependency order',
      content: { 'application/json': { schema: z.array(pluginDescriptionSchema) } },
    },
  },
})

/** How long health waits for the main connection before it also asks a reader thread. */
const mainConnectionPatienceMs = 250

/**
 * A trivial query proves the database answers, not merely that the process runs. It runs on the main
 * connection, the one writes use, so that it does not wait behind slow metric reads in the SQLite reader
 * threads; when that connection is held by a long write (an import is one transaction), a reader thread
 * is asked too, and the first answer counts. PostgreSQL and `sqlite::memory:` answer on either alike.
 */
async function databaseAnswers(database: CxDatabase): Promise<void> {
  const probe = () => database.db.selectFrom('workspaces').select('id').limit(1).execute()
  let timer: NodeJS.Timeout | undefined
  const onMain = withMainConnectionReads(probe)
  // Answered on the main connection: the reader is not asked. Refused there: the reader still decides.
  onMain.then(
    () => clearTimeout(timer),
    () => undefined,
  )
  const onReader = new Promise<unknown>((resolve, reject) => {
    timer = setTimeout(() => probe().then(resolve, reject), mainConnectionPatienceMs)
  })
  await Promise.any([onMain, onReader]).catch((error: AggregateError) => {
    throw error.errors[0]
  })
}

/** `/api/health` and `/api/plugins`. */
export function systemRoutes(host: Host, database: CxDatabase) {
  return new OpenAPIHono<ServerEnv>({ defaultHook: throwOnInvalid })
    .openapi(health, async (c) => {
      await databaseAnswers(database)
      return c.json({ status: 'ok' as const, database: database.sql.name, plugins: host.plugins.length }, 200)
    })
    .openapi(plugins, (c) => c.json(host.registry(), 200))
}

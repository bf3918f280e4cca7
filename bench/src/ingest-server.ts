import { openDatabase } from '@cxkit/db'
import { createHost } from '@cxkit/core'
import { npsPlugin } from '@cxkit/plugin-nps'
import { surveysPlugin } from '@cxkit/plugin-surveys'
import { createServer, startServer } from '@cxkit/server'

/**
 * The server side of the ingest benchmark, in its own process as in production: the load generator
 * must not share the server's event loop. Serves the database URL given as the first argument
 * (`sqlite:<file>` or `postgres://…`) and prints its URL on the first line of stdout; stops when stdin closes.
 */
const databaseUrl = process.argv[2]
if (!databaseUrl) throw new Error('usage: ingest-server <database url>')
const database = await openDatabase(databaseUrl)
const server = await startServer(createServer({ plugins: createHost([surveysPlugin(), npsPlugin()]), db: database }), {
  port: 0,
})
process.stdout.write(`${server.url}\n`)
process.stdin.resume()
process.stdin.on('end', async () => {
  await server.close()
  await database.close()
  process.exit(0)
})

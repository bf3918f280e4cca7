import type { PluginContext } from '../contracts/plugin-context.js'
import type { SourceKeyedWriteResult } from './write-source-keyed-batch.js'

/** Writes records to a workspace; `path(i)` names record `i` in errors (`body.events[3]`). */
export type SourceKeyedWrite<Parsed> = (
  ctx: PluginContext,
  workspace: string,
  records: readonly Parsed[],
  path: (index: number) => string,
) => Promise<SourceKeyedWriteResult>

/**
 * What the `POST` routes of source-keyed records do once the request is valid: check the workspace
 * (404), then write one record (named `body` in errors) or a batch (named `body.<batchKey>[i]`). The
 * route answers the result with 201.
 *
 * @example
 * const write = sourceKeyedWriter(ctx, writeEvents, 'events')
 * app.openapi(addEvents, async (c) => c.json(await write.batch(c.req.valid('query'), c.req.valid('json').events), 201))
 */
export function sourceKeyedWriter<Parsed>(ctx: PluginContext, write: SourceKeyedWrite<Parsed>, batchKey: string) {
  const inWorkspace = async (workspace: string, records: readonly Parsed[], path: (index: number) => string) => {
    await ctx.requireWorkspace(workspace)
    return write(ctx, workspace, records, path)
  }
  return {
    one: (query: { workspace: string }, record: Parsed) => inWorkspace(query.workspace, [record], () => 'body'),
    batch: (query: { workspace: string }, records: readonly Parsed[]) =>
      inWorkspace(query.workspace, records, (index) => `body.${batchKey}[${index}]`),
  }
}

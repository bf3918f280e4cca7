/**
 * The largest request body each kind of route reads, in bytes: the one place these limits are named.
 * A body over its route's limit is refused with 413 before it is read whole (see the README's table).
 *
 * @example
 * definePlugin({ id: 'fcr', version: '0.1.0', bodyLimits: { 'POST /tickets/import': bodyLimits.batch } })
 */
export const bodyLimits = Object.freeze({
  /** A public page's form POST (`/s/<token>`): a few answers and a comment or two. */
  pageForm: 64 * 1024,
  /** The widget's public JSON API (`/api/surveys/public/…`): one response from one visitor. */
  publicJson: 64 * 1024,
  /** Any other JSON API route: definitions, settings, webhooks. */
  json: 1024 * 1024,
  /** Batch ingest (`POST /api/surveys/responses`, up to 10,000 responses), and the ceiling of every route. */
  batch: 20 * 1024 * 1024,
  /**
   * A file upload a route streams to disk as it arrives (a spreadsheet to import): never held in
   * memory, so it may pass the ceiling of the routes that are (see `streamedBodies` in `definePlugin`).
   */
  upload: 512 * 1024 * 1024,
})

/**
 * Request bodies a plugin's API routes take other than `bodyLimits.json`, keyed `METHOD /path` under the
 * plugin's base (`/api/<plugin-id>`); a path ending in `/*` covers everything below it, `*` any method.
 */
export type PluginBodyLimits = Readonly<Record<`${string} /${string}`, number>>

/** Per-request variables set by the server's middleware. */
export interface ServerEnv {
  Variables: {
    /** The plugin whose routes are handling the request, if any. */
    plugin?: string
    /** Set on routes that stream their own request body: the most they may read, in bytes. */
    streamedBodyLimit?: number
  }
}

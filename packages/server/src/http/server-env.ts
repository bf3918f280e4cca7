/** Per-request variables set by the server's middleware. */
export interface ServerEnv {
  Variables: {
    /** The plugin whose routes are handling the request, if any. */
    plugin?: string
  }
}

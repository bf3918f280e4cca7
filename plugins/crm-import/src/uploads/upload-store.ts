import { randomUUID } from 'node:crypto'
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { CxError } from '@cxkit/core'
import { receiveFilePart } from './receive-file-part.js'

/** An uploaded file, kept on disk until it is deleted or too old (an import leaves it, to be run again). */
export interface StoredUpload {
  readonly id: string
  readonly workspace: string
  readonly fileName: string
  readonly size: number
  readonly uploadedAt: string
  /** Where the bytes are on disk. */
  readonly path: string
}

export interface UploadStore {
  /** Streams the request's file part to disk under a new id. */
  save(workspace: string, request: Request, maxBytes: number): Promise<StoredUpload>
  /** The workspace's upload with this id; a 404 for another workspace's or an unknown one. */
  find(workspace: string, id: string): Promise<StoredUpload>
  remove(workspace: string, id: string): Promise<void>
  /** Deletes uploads (and kept rejected rows) older than the store's maximum age; returns how many uploads. */
  removeExpired(now?: Date): Promise<number>
}

const uploadIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/**
 * When a file was last written, or undefined when it is gone: two uploads at once both clean up, and
 * what one removes between the other's listing and its look must not fail the other's upload.
 */
const modifiedAt = (path: string) =>
  stat(path).then(
    ({ mtimeMs }) => mtimeMs,
    () => undefined,
  )

const notFound = (id: string) => new CxError('CXKIT_NOT_FOUND', `no upload '${id}' in this workspace`, { status: 404 })

/**
 * Uploads as two files in `dir`: `<id>.upload` holds the bytes, `<id>.json` who uploaded what and when.
 * Expired uploads, and the rejected rows of imports (`rejects/`) as old, are removed whenever a new upload
 * arrives, so the folder never grows without bound.
 *
 * @example
 * const uploads = createUploadStore({ dir: './data/uploads', maxAgeMs: 24 * 3600_000 })
 */
export function createUploadStore(options: { dir: string; maxAgeMs: number }): UploadStore {
  const { dir, maxAgeMs } = options
  const dataPath = (id: string) => join(dir, `${id}.upload`)
  const metaPath = (id: string) => join(dir, `${id}.json`)

  async function removeFiles(id: string) {
    await rm(metaPath(id), { force: true })
    await rm(dataPath(id), { force: true })
  }

  const store: UploadStore = {
    async save(workspace, request, maxBytes) {
      await mkdir(dir, { recursive: true })
      await store.removeExpired()
      const id = randomUUID()
      const { fileName, size } = await receiveFilePart(request, dataPath(id), maxBytes)
      const upload = { id, workspace, fileName, size, uploadedAt: new Date().toISOString() }
      await writeFile(metaPath(id), JSON.stringify(upload))
      return { ...upload, path: dataPath(id) }
    },

    async find(workspace, id) {
      // Only ids this store made: anything else could name a path outside the folder.
      if (!uploadIdPattern.test(id)) throw notFound(id)
      const text = await readFile(metaPath(id), 'utf8').catch(() => undefined)
      if (text === undefined) throw notFound(id)
      const upload = JSON.parse(text) as Omit<StoredUpload, 'path'>
      if (upload.workspace !== workspace) throw notFound(id)
      return { ...upload, path: dataPath(id) }
    },

    async remove(workspace, id) {
      await store.find(workspace, id)
      await removeFiles(id)
    },

    async removeExpired(now = new Date()) {
      const names = await readdir(dir).catch(() => [] as string[])
      let removed = 0
      for (const name of names) {
        const id = name.replace(/\.(upload|json)$/, '')
        if (!uploadIdPattern.test(id) || !name.endsWith('.upload')) continue
        const mtimeMs = await modifiedAt(join(dir, name))
        if (mtimeMs === undefined || now.getTime() - mtimeMs <= maxAgeMs) continue
        await removeFiles(id)
        removed += 1
      }
      // Rejected rows of `skip` imports, and those a crash left half-written, go after as long.
      const rejectsDir = join(dir, 'rejects')
      for (const name of await readdir(rejectsDir).catch(() => [] as string[])) {
        if (!name.endsWith('.csv')) continue
        const mtimeMs = await modifiedAt(join(rejectsDir, name))
        if (mtimeMs !== undefined && now.getTime() - mtimeMs > maxAgeMs)
          await rm(join(rejectsDir, name), { force: true })
      }
      return removed
    },
  }
  return store
}

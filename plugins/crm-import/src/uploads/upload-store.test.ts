import { mkdir, mkdtemp, readdir, rm, symlink, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createUploadStore } from './upload-store.js'

const multipart = (text: string) => {
  const form = new FormData()
  form.append('file', new Blob([text]), 'a.csv')
  return new Request('http://localhost/uploads', { method: 'POST', body: form })
}

describe('the upload store', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cxkit-upload-store-'))
  })
  afterEach(() => rm(dir, { recursive: true, force: true }))

  it('removes uploads older than its maximum age, and keeps newer ones', async () => {
    const uploads = createUploadStore({ dir, maxAgeMs: 3600_000 })
    const old = await uploads.save('acme', multipart('a,b\n1,2\n'), 1024)
    const fresh = await uploads.save('acme', multipart('a,b\n3,4\n'), 1024)
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000)
    await utimes(old.path, twoHoursAgo, twoHoursAgo)
    await mkdir(join(dir, 'rejects'))
    await writeFile(join(dir, 'rejects', 'old-import.csv'), 'line,reason\n')
    await writeFile(join(dir, 'rejects', 'new-import.csv'), 'line,reason\n')
    await utimes(join(dir, 'rejects', 'old-import.csv'), twoHoursAgo, twoHoursAgo)
    expect(await uploads.removeExpired()).toBe(1)
    expect((await readdir(dir)).sort()).toEqual([`${fresh.id}.json`, `${fresh.id}.upload`, 'rejects'].sort())
    expect(await readdir(join(dir, 'rejects'))).toEqual(['new-import.csv'])
    await expect(uploads.find('acme', old.id)).rejects.toMatchObject({ status: 404 })
    expect(await uploads.find('acme', fresh.id)).toMatchObject({ fileName: 'a.csv', size: 8 })
  })

  it('passes over a file that is gone by the time it looks, as when two uploads clean up at once', async () => {
    const uploads = createUploadStore({ dir, maxAgeMs: 3600_000 })
    // Listed, but nothing to look at: a link to a file another upload's clean-up just removed.
    await symlink(join(dir, 'removed'), join(dir, '00000000-0000-4000-8000-000000000000.upload'))
    await mkdir(join(dir, 'rejects'))
    await symlink(join(dir, 'removed'), join(dir, 'rejects', 'gone.csv'))
    expect(await uploads.removeExpired()).toBe(0)
    expect(await uploads.save('acme', multipart('a,b\n1,2\n'), 1024)).toMatchObject({ size: 8 })
  })

  it('removes what it wrote of an upload that passes the limit', async () => {
    const uploads = createUploadStore({ dir, maxAgeMs: 3600_000 })
    await expect(uploads.save('acme', multipart('x'.repeat(5000)), 1024)).rejects.toMatchObject({ status: 413 })
    expect(await readdir(dir)).toEqual([])
  })
})

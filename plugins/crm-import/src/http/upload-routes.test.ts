import { readdir, readFile } from 'node:fs/promises'
import { createWorkspace } from '@cxkit/db'
import { testDialects } from '@cxkit/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fileForm, type ServedCrmImport, serveCrmImport } from '../test-support/served-crm-import.js'
import type { UploadResponse } from './upload-schemas.js'

const customersCsv = 'Name;E-mail;Branche\nAnn de Vries;ann@example.nl;retail\nBob Jansen;bob@example.nl;bouw\n'

for (const dialect of testDialects()) {
  describe(`uploads over HTTP on ${dialect.name}`, () => {
    let served: ServedCrmImport
    let base: string
    beforeAll(async () => {
      served = await serveCrmImport(dialect, { maxUploadBytes: 64 * 1024 })
      base = `${served.server.url}/api/crm-import`
    })
    afterAll(() => served.close())

    const upload = (form: FormData, workspace = 'test') =>
      fetch(`${base}/uploads?workspace=${workspace}`, { method: 'POST', body: form })

    it('streams a multipart file to disk and answers what the readers detect, with the first rows', async () => {
      const answer = await upload(fileForm('klanten.csv', customersCsv))
      expect(answer.status).toBe(201)
      const body = (await answer.json()) as UploadResponse
      expect(body).toMatchObject({
        fileName: 'klanten.csv',
        size: Buffer.byteLength(customersCsv),
        format: 'csv',
        encoding: 'utf-8',
        separator: ';',
        columns: ['Name', 'E-mail', 'Branche'],
        entity: 'customers',
        mappingSource: 'suggested',
        // No system's export: numbers and dates as the workspace's language (English) writes them.
        preset: { id: 'generic', locale: 'en', dateOrder: 'mdy' },
      })
      expect(body.rows).toEqual([
        { line: 2, cells: ['Ann de Vries', 'ann@example.nl', 'retail'] },
        { line: 3, cells: ['Bob Jansen', 'bob@example.nl', 'bouw'] },
      ])
      expect(await readdir(served.uploadsDir)).toContain(`${body.id}.upload`)
    })

    it('says how a detected export writes dates: HubSpot year first, a Salesforce report month first', async () => {
      const fixture = (name: string) => readFile(new URL(`../../test/fixtures/${name}`, import.meta.url), 'utf8')
      const hubspot = (await (
        await upload(fileForm('hubspot.csv', await fixture('hubspot-contacts.csv')))
      ).json()) as UploadResponse
      expect(hubspot.preset).toMatchObject({ id: 'hubspot', source: 'hubspot', locale: 'en', dateOrder: 'ymd' })
      const report = (await (
        await upload(fileForm('report.csv', await fixture('salesforce-contacts-report.csv')))
      ).json()) as UploadResponse
      expect(report.preset).toMatchObject({ id: 'salesforce', table: 'contacts-report', dateOrder: 'mdy' })
    })

    it('shows at most 20 rows of a longer file', async () => {
      const csv = `id,name\n${Array.from({ length: 50 }, (_, i) => `${i},n${i}`).join('\n')}\n`
      const body = (await (await upload(fileForm('long.csv', csv))).json()) as UploadResponse
      expect(body.rows).toHaveLength(20)
      expect(body.rows.at(-1)).toEqual({ line: 21, cells: ['19', 'n19'] })
    })

    it('reads an upload again with the separator and header row the user says', async () => {
      const { id } = (await (await upload(fileForm('klanten.csv', customersCsv))).json()) as UploadResponse
      const answer = await fetch(`${base}/uploads/${id}?workspace=test&separator=,&header=false`)
      expect(answer.status).toBe(200)
      const body = (await answer.json()) as UploadResponse
      expect(body.separator).toBe(',')
      expect(body.columns).toHaveLength(1)
    })

    it('refuses an upload over the limit with 413 and keeps nothing, declared or streamed', async () => {
      const big = 'a,b\n'.repeat(20_000)
      const declared = await upload(fileForm('big.csv', big))
      expect(declared.status).toBe(413)
      expect(await declared.json()).toMatchObject({ status: 413 })
      // The same body without a Content-Length: counted as it streams in.
      const form = new Response(fileForm('big.csv', big))
      const streamed = await fetch(`${base}/uploads?workspace=test`, {
        method: 'POST',
        headers: { 'content-type': form.headers.get('content-type')! },
        body: form.body,
        duplex: 'half',
      } as RequestInit)
      expect(streamed.status).toBe(413)
      const problem = (await streamed.json()) as { errors: { field: string }[] }
      expect(problem.errors[0]!.field).toBe('body.file')
      const left = await readdir(served.uploadsDir)
      expect(left.filter((name) => name.includes('big'))).toEqual([])
      expect(left.filter((name) => name.endsWith('.upload')).length).toBe(
        left.filter((n) => n.endsWith('.json')).length,
      )
    })

    it('answers 400 naming the line for a file the readers refuse, and keeps nothing of it', async () => {
      const before = await readdir(served.uploadsDir)
      const answer = await upload(fileForm('broken.csv', 'a,b\n1,2\n3,4,5\n'))
      expect(answer.status).toBe(400)
      const problem = (await answer.json()) as { errors: { field: string }[] }
      expect(problem.errors[0]!.field).toMatch(/^line 3/)
      expect(await readdir(served.uploadsDir)).toEqual(before)
    })

    it('answers 400 naming body.file for a body without a file part', async () => {
      const form = new FormData()
      form.append('note', 'no file here')
      const answer = await upload(form)
      expect(answer.status).toBe(400)
      expect(((await answer.json()) as { errors: { field: string }[] }).errors[0]!.field).toBe('body.file')
    })

    it('answers 400 naming body.file for a file name PostgreSQL could not record, and keeps nothing', async () => {
      const before = await readdir(served.uploadsDir)
      // RFC 5987 `filename*` is how a client can send a NUL in a name; busboy decodes it.
      const body = [
        '--cx',
        'Content-Disposition: form-data; name="file"; filename*=UTF-8\'\'kl%00anten.csv',
        'Content-Type: text/csv',
        '',
        customersCsv,
        '--cx--',
        '',
      ].join('\r\n')
      const answer = await fetch(`${base}/uploads?workspace=test`, {
        method: 'POST',
        headers: { 'content-type': 'multipart/form-data; boundary=cx' },
        body,
      })
      expect(answer.status).toBe(400)
      expect(((await answer.json()) as { errors: { field: string }[] }).errors[0]!.field).toBe('body.file')
      expect(await readdir(served.uploadsDir)).toEqual(before)
    })

    it("answers 404 for an unknown workspace, an unknown upload and another workspace's upload", async () => {
      expect((await upload(fileForm('a.csv', customersCsv), 'nowhere')).status).toBe(404)
      expect((await fetch(`${base}/uploads/00000000-0000-4000-8000-000000000000?workspace=test`)).status).toBe(404)
      expect((await fetch(`${base}/uploads/..%2F..%2Fetc?workspace=test`)).status).toBe(404)
      await createWorkspace(served.test.database, { id: 'other', name: 'Other', locale: 'en' })
      const { id } = (await (await upload(fileForm('a.csv', customersCsv))).json()) as UploadResponse
      expect((await fetch(`${base}/uploads/${id}?workspace=other`)).status).toBe(404)
    })

    it('deletes an upload, its bytes included', async () => {
      const { id } = (await (await upload(fileForm('a.csv', customersCsv))).json()) as UploadResponse
      expect((await fetch(`${base}/uploads/${id}?workspace=test`, { method: 'DELETE' })).status).toBe(204)
      expect(await readdir(served.uploadsDir)).not.toContain(`${id}.upload`)
      expect((await fetch(`${base}/uploads/${id}?workspace=test`)).status).toBe(404)
    })

    it('offers the mapping the workspace saved for the same columns, in any order', async () => {
      const saved = await fetch(`${base}/mappings`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          workspace: 'test',
          entity: 'customers',
          columns: ['branche', 'NAME', 'E-mail'],
          mapping: { 'E-mail': 'email', branche: 'attr.industry' },
        }),
      })
      expect(saved.status).toBe(204)
      const body = (await (await upload(fileForm('klanten.csv', customersCsv))).json()) as UploadResponse
      expect(body.mappingSource).toBe('saved')
      // Keyed by this file's own spelling of each column, so the import can be started with it as it is.
      expect(body.mapping).toEqual({ 'E-mail': 'email', Branche: 'attr.industry' })
      const started = await fetch(`${base}/imports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ workspace: 'test', upload: body.id, entity: 'customers', mapping: body.mapping }),
      })
      expect(started.status).toBe(202)
      const { job } = (await started.json()) as { job: string }
      for (;;) {
        const state = (await (await fetch(`${base}/imports/jobs/${job}?workspace=test`)).json()) as { status: string }
        if (state.status !== 'running') {
          expect(state.status).toBe('done')
          break
        }
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    })

    it('refuses a mapping that names a column the file lacks, naming it', async () => {
      const answer = await fetch(`${base}/mappings`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ workspace: 'test', entity: 'customers', columns: ['a'], mapping: { b: 'email' } }),
      })
      expect(answer.status).toBe(400)
      expect(((await answer.json()) as { errors: { field: string }[] }).errors[0]!.field).toBe('body.mapping.b')
    })
  })
}

import { testDialects } from '@cxkit/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fileForm, type ServedCrmImport, serveCrmImport } from '../test-support/served-crm-import.js'
import type { UploadResponse } from './upload-schemas.js'

const customersCsv = [
  'Klantnummer;E-mail;Naam;Branche',
  'K-1;ann@example.nl;Ann de Vries;retail',
  'K-2;bob@example.nl;Bob Jansen;bouw',
  'K-3;not-an-address;Cor Smit;zorg',
  '',
].join('\n')

const mapping = { Klantnummer: 'external_id', 'E-mail': 'email', Naam: 'name', Branche: 'attr.branche' }

interface Job {
  status: 'running' | 'done' | 'failed'
  progress: { rows: number; bytes: number; totalBytes: number }
  report?: {
    importId: string
    status: string
    rows: number
    inserted: number
    rejected: number
    errorCount: number
    errors: { line: number; column?: string; message: string }[]
  }
  problem?: { status: number }
}

for (const dialect of testDialects()) {
  describe(`imports over HTTP on ${dialect.name}`, () => {
    let served: ServedCrmImport
    let base: string
    beforeAll(async () => {
      served = await serveCrmImport(dialect)
      base = `${served.server.url}/api/crm-import`
    })
    afterAll(() => served.close())

    const post = (path: string, body?: unknown) =>
      fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
    const uploaded = async (csv = customersCsv) => {
      const answer = await fetch(`${base}/uploads?workspace=test`, {
        method: 'POST',
        body: fileForm('klanten.csv', csv),
      })
      return (await answer.json()) as UploadResponse
    }
    /** Starts an import and follows its job, as the wizard does, until it has finished. */
    const imported = async (body: Record<string, unknown>) => {
      const started = await post('/imports', { workspace: 'test', entity: 'customers', mapping, ...body })
      expect(started.status).toBe(202)
      const { job } = (await started.json()) as { job: string }
      for (;;) {
        const state = (await (await fetch(`${base}/imports/jobs/${job}?workspace=test`)).json()) as Job
        if (state.status !== 'running') return state
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    }
    const customers = () =>
      served.test.database.db
        .selectFrom('customers')
        .select(['external_id', 'email', 'name', 'attributes'])
        .where('workspace_id', '=', 'test')
        .orderBy('external_id')
        .execute()

    it('lists the entities rows can be imported into, with their fields', async () => {
      const entities = (await (await fetch(`${base}/entities`)).json()) as {
        entity: string
        fields: { name: string }[]
      }[]
      expect(entities.map((e) => e.entity)).toContain('customers')
      expect(entities.find((e) => e.entity === 'customers')!.fields.map((f) => f.name)).toContain('email')
    })

    it('suggests a mapping for the upload from the entity’s fields', async () => {
      const upload = await uploaded()
      expect(upload.mapping).toMatchObject({ Klantnummer: 'external_id', 'E-mail': 'email', Naam: 'name' })
    })

    it('runs a dry run off the request: the problems with line and column, nothing written', async () => {
      const upload = await uploaded()
      const job = await imported({ upload: upload.id, dryRun: true, onError: 'skip' })
      expect(job.status).toBe('done')
      expect(job.report).toMatchObject({ status: 'dry-run', rows: 3, inserted: 2, rejected: 1, errorCount: 1 })
      expect(job.report!.errors[0]).toMatchObject({ line: 4, column: 'E-mail' })
      expect(await customers()).toEqual([])
    })

    it('imports with progress, records the import, keeps the rejected rows, and undoes it', async () => {
      const upload = await uploaded()
      const job = await imported({ upload: upload.id, onError: 'skip' })
      expect(job.report).toMatchObject({ status: 'imported', rows: 3, inserted: 2, rejected: 1 })
      expect(job.progress).toMatchObject({ rows: 3, bytes: upload.size, totalBytes: upload.size })
      const rows = await customers()
      expect(rows.map((row) => [row.external_id, row.email, row.name])).toEqual([
        ['K-1', 'ann@example.nl', 'Ann de Vries'],
        ['K-2', 'bob@example.nl', 'Bob Jansen'],
      ])
      expect(JSON.parse(rows[0]!.attributes)).toEqual({ branche: 'retail' })

      const id = job.report!.importId
      const history = (await (await fetch(`${base}/imports?workspace=test`)).json()) as Record<string, unknown>[]
      expect(history[0]).toMatchObject({
        id,
        file: 'klanten.csv',
        entity: 'customers',
        actor: 'api',
        status: 'imported',
        inserted: 2,
        rejected: 1,
        hasRejects: true,
      })

      const rejects = await fetch(`${base}/imports/${id}/rejects.csv?workspace=test`)
      expect(rejects.status).toBe(200)
      expect(rejects.headers.get('content-type')).toMatch(/^text\/csv/)
      const lines = (await rejects.text()).trim().split('\n')
      expect(lines[0]).toBe('line,reason,Klantnummer,E-mail,Naam,Branche')
      expect(lines[1]).toMatch(/^4,"?E-mail: .+,K-3,not-an-address,Cor Smit,zorg$/)

      const undone = await post(`/imports/${id}/undo?workspace=test`)
      expect(undone.status).toBe(200)
      expect(await customers()).toEqual([])
      expect((await post(`/imports/${id}/undo?workspace=test`)).status).toBe(409)
    })

    it('saves the mapping an import used and offers it for the next file with those columns', async () => {
      const upload = await uploaded()
      const custom = { ...mapping, Branche: 'segment' }
      await imported({ upload: upload.id, mapping: custom, dryRun: true })
      const next = await uploaded()
      expect(next).toMatchObject({ mappingSource: 'saved', mapping: custom })
    })

    it('with abort, a bad row means nothing is written', async () => {
      const upload = await uploaded()
      const job = await imported({ upload: upload.id, onError: 'abort' })
      expect(job.report).toMatchObject({ status: 'aborted', errorCount: 1 })
      expect(await customers()).toEqual([])
    })

    it('answers 400 naming the field for bad input, before any job starts', async () => {
      const upload = await uploaded()
      const problems = async (body: Record<string, unknown>) => {
        const answer = await post('/imports', {
          workspace: 'test',
          upload: upload.id,
          entity: 'customers',
          mapping,
          ...body,
        })
        expect(answer.status).toBe(400)
        return ((await answer.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)
      }
      expect(await problems({ entity: 'planets' })).toEqual(['body.entity'])
      expect(await problems({ mapping: { Klantnummer: 'external_id', Nope: 'name' } })).toEqual(['body.mapping.Nope'])
      expect(await problems({ mapping: { ...mapping, Naam: 'shoe_size' } })).toEqual(['body.mapping.Naam'])
      expect(await problems({ onError: 'ignore' })).toEqual(['body.onError'])
      expect(await problems({ dryRun: 'yes' })).toEqual(['body.dryRun'])
      expect(await problems({ extra: 1 })).toEqual(['body'])
    })

    it('answers 404 for unknown workspaces, uploads, jobs and imports, and for other workspaces', async () => {
      expect(
        (
          await post('/imports', {
            workspace: 'test',
            upload: '00000000-0000-4000-8000-000000000000',
            entity: 'customers',
            mapping,
          })
        ).status,
      ).toBe(404)
      expect((await post('/imports', { workspace: 'nowhere', upload: 'x', entity: 'customers', mapping })).status).toBe(
        404,
      )
      expect((await fetch(`${base}/imports/jobs/nope?workspace=test`)).status).toBe(404)
      expect((await post('/imports/nope/undo?workspace=test')).status).toBe(404)
      expect((await fetch(`${base}/imports/nope/rejects.csv?workspace=test`)).status).toBe(404)
      expect((await fetch(`${base}/imports?workspace=nowhere`)).status).toBe(404)
    })
  })
}

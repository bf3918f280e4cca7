import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { surveysPlugin } from './index.js'

const survey = (id: string, verifiedCustomers?: boolean) => ({
  id,
  name: id,
  kind: 'in-the-moment',
  status: 'active',
  contactRuleDays: 30,
  ...(verifiedCustomers === undefined ? {} : { verifiedCustomers }),
  questions: [{ id: 'why', type: 'open', text: { en: 'How was the chat?' } }],
})

for (const dialect of testDialects()) {
  describe(`signed customer ids on the public routes, on ${dialect.name}`, () => {
    let test: TestApp
    const tokens = new Map<string, string>()
    const signatures = new Map<string, string>()
    const read = (id: string, query: Record<string, string>) =>
      test.request(`/api/surveys/public/${tokens.get(id)}?${new URLSearchParams(query)}`)
    const answer = (id: string, body: Record<string, unknown>) =>
      test.request(`/api/surveys/public/${tokens.get(id)}/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          idempotencyKey: crypto.randomUUID(),
          answers: [{ questionId: 'why', value: 'Quick help' }],
          ...body,
        }),
      })
    const stored = async () => {
      const row = await test.database.db
        .selectFrom('surveys_responses' as never)
        .select((eb: any) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
      return Number((row as { n: number }).n)
    }
    const refusal = async (response: Response) => {
      expect(response.status).toBe(403)
      const problem = await response.json()
      expect(problem).toMatchObject({ status: 403, code: 'CXKIT_FORBIDDEN' })
      expect(JSON.stringify(problem)).not.toMatch(/eligible|lastAnswered/)
      return problem.errors[0] as { field: string; code: string }
    }

    beforeAll(async () => {
      test = await createTestApp({ plugins: [surveysPlugin()], dialect })
      for (const [id, verified] of [
        ['signed', true],
        ['open', undefined],
      ] as const) {
        const created = await test.json<{ publicToken: string; verifiedCustomers: boolean }>(
          `/api/surveys/surveys?workspace=${test.workspace}`,
          { method: 'POST', body: survey(id, verified) },
        )
        expect(created.verifiedCustomers).toBe(verified ?? false)
        tokens.set(id, created.publicToken)
        const links = await test.json<{ customerExternalId: string; signature: string; url: string }[]>(
          `/api/surveys/surveys/${id}/links?workspace=${test.workspace}`,
          {
            method: 'POST',
            body: { customers: ['C-1', 'C-2'] },
          },
        )
        for (const link of links) {
          // The signature is the one in the customer's personal link.
          expect(new URL(link.url).searchParams.get('sig')).toBe(link.signature)
          signatures.set(`${id}/${link.customerExternalId}`, link.signature)
        }
      }
    })
    afterAll(async () => {
      await test.close()
    })

    it('refuses a plain customer id where the survey takes signed ones only, and stores nothing', async () => {
      expect(await refusal(await read('signed', { customer: 'C-1' }))).toMatchObject({
        field: 'query.signature',
        code: 'signature_required',
      })
      const before = await stored()
      expect(await refusal(await answer('signed', { customerExternalId: 'C-1' }))).toMatchObject({
        field: 'body.customerSignature',
        code: 'signature_required',
      })
      expect(await stored()).toBe(before)
    })

    it('refuses a wrong signature, and one of another customer or another survey, on every survey', async () => {
      for (const id of ['signed', 'open']) {
        for (const signature of [
          'not-a-signature',
          signatures.get(`${id}/C-2`)!,
          signatures.get(`${id === 'signed' ? 'open' : 'signed'}/C-1`)!,
        ]) {
          expect(await refusal(await read(id, { customer: 'C-1', signature }))).toMatchObject({
            field: 'query.signature',
            code: 'invalid_signature',
          })
          expect(
            await refusal(await answer(id, { customerExternalId: 'C-1', customerSignature: signature })),
          ).toMatchObject({ field: 'body.customerSignature', code: 'invalid_signature' })
        }
      }
      expect(await refusal(await read('open', { signature: signatures.get('open/C-1')! }))).toMatchObject({
        field: 'query.customer',
        code: 'missing_customer',
      })
    })

    it('answers about, and stores for, a customer whose id comes with its signature', async () => {
      const signature = signatures.get('signed/C-1')!
      expect(await (await read('signed', { customer: 'C-1', signature })).json()).toMatchObject({ eligible: true })
      const response = await answer('signed', { customerExternalId: 'C-1', customerSignature: signature })
      expect(response.status).toBe(201)
      expect(await response.json()).toEqual({ stored: true })
      // The contact rule now holds for this customer, and still only for whoever can prove who they are.
      expect(await (await read('signed', { customer: 'C-1', signature })).json()).toMatchObject({ eligible: false })
      expect((await read('signed', { customer: 'C-1' })).status).toBe(403)
    })

    it('still takes anonymous answers, and plain ids on surveys that allow them', async () => {
      expect((await answer('signed', {})).status).toBe(201)
      expect(await (await read('open', { customer: 'C-1' })).json()).toMatchObject({ eligible: true })
      expect((await answer('open', { customerExternalId: 'C-1' })).status).toBe(201)
    })

    it('follows the survey setting when it changes', async () => {
      await test.json(`/api/surveys/surveys/open?workspace=${test.workspace}`, {
        method: 'PATCH',
        body: { verifiedCustomers: true },
      })
      expect((await read('open', { customer: 'C-2' })).status).toBe(403)
      await test.json(`/api/surveys/surveys/open?workspace=${test.workspace}`, {
        method: 'PATCH',
        body: { verifiedCustomers: false },
      })
      expect((await read('open', { customer: 'C-2' })).status).toBe(200)
    })
  })
}

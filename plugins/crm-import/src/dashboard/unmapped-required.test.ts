import { customersEntity } from '@cxkit/core'
import { describe, expect, it } from 'vitest'
import type { ImportableEntity } from './import-api.js'
import { unmappedRequired } from './unmapped-required.js'

const customers: ImportableEntity = {
  entity: customersEntity.entity,
  description: customersEntity.description,
  acceptsAttributes: customersEntity.acceptsAttributes,
  requiresOneOf: [...(customersEntity.requiresOneOf ?? [])],
  fields: customersEntity.fields.map((field) => ({ ...field })),
}

describe('what a mapping still lacks', () => {
  it('asks for one of the fields a customer is found by until one is mapped', () => {
    expect(unmappedRequired(customers, { Naam: 'name', Stad: null })).toEqual(['source_id | external_id | email'])
    expect(unmappedRequired(customers, { Naam: 'name', Mail: 'email' })).toEqual([])
  })

  it('names each required field no column goes to', () => {
    const entity = {
      ...customers,
      requiresOneOf: [],
      fields: [{ name: 'code', type: 'text', required: true, description: '' }],
    }
    expect(unmappedRequired(entity, { A: 'attr.a' })).toEqual(['code'])
    expect(unmappedRequired(entity, { A: 'code' })).toEqual([])
  })
})

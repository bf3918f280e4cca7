import { CxValidationError, customersEntity } from '@cxkit/core'
import { describe, expect, it } from 'vitest'
import { describeDetection, planFileMapping } from './import-mapping.js'

const hubspotContacts = ['Record ID', 'First Name', 'Last Name', 'Email', 'Email 2', 'Notes']

describe('planFileMapping', () => {
  it('detects the export, maps it as its preset says, suggests the rest, then applies --map', () => {
    const plan = planFileMapping(customersEntity, hubspotContacts, undefined, ['Notes='])
    expect(plan.preset.id).toBe('hubspot')
    expect(plan.match?.table.id).toBe('contacts')
    expect(plan.mapping).toEqual({
      'Record ID': 'source_id',
      'First Name': 'first_name',
      'Last Name': 'last_name',
      Email: 'email',
      'Email 2': 'attr.email_2',
      Notes: null,
    })
  })

  it('moves a field --map gives to another column instead of mapping it twice', () => {
    const { mapping } = planFileMapping(customersEntity, hubspotContacts, undefined, ['Email 2=email'])
    expect(mapping).toMatchObject({ Email: null, 'Email 2': 'email' })
  })

  it('detects nothing with --preset generic, and only its own exports with another --preset', () => {
    const generic = planFileMapping(customersEntity, hubspotContacts, 'generic', [])
    expect(generic.preset.id).toBe('generic')
    expect(generic.match).toBeUndefined()
    expect(generic.mapping).toMatchObject({ 'Record ID': 'source_id', Email: 'email', 'First Name': 'first_name' })
    const salesforce = planFileMapping(customersEntity, hubspotContacts, 'salesforce', [])
    expect(salesforce.preset.id).toBe('salesforce')
    expect(salesforce.match).toBeUndefined()
  })

  it('refuses an unknown preset, an export for another entity and bad --map arguments', () => {
    expect(() => planFileMapping(customersEntity, hubspotContacts, 'pipedrive', [])).toThrow(
      '--preset pipedrive: no such preset (presets: salesforce, hubspot, generic)',
    )
    expect(() => planFileMapping(customersEntity, ['Record ID', 'Deal Name', 'Deal Stage'], undefined, [])).toThrow(
      'this file is a HubSpot deals export, which imports into transactions, not customers: pass --entity transactions',
    )
    const bad = () => planFileMapping(customersEntity, hubspotContacts, undefined, ['Notes', 'Email=nonsense'])
    expect(bad).toThrow(CxValidationError)
    try {
      bad()
    } catch (error) {
      expect((error as CxValidationError).fields.map((field) => field.field)).toEqual(['--map[0]', '--map[1]'])
    }
  })

  it('describes the detection with what the import will assume', () => {
    const { match } = planFileMapping(customersEntity, hubspotContacts, undefined, [])
    expect(match && describeDetection(match, { system: 'crm', locale: 'nl', dateOrder: 'dmy' })).toBe(
      'detected a HubSpot contacts export (--preset hubspot) for customers: ids from source crm, dates dmy, numbers nl',
    )
  })
})

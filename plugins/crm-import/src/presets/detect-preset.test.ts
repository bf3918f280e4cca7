import { describe, expect, it } from 'vitest'
import { customerFields, transactionFields } from '../../test/entity-fields.js'
import { fixture } from '../../test/read-all-rows.js'
import { openSource } from '../readers/open-source.js'
import { detectPreset, findPreset, importPresets } from './index.js'

async function detected(file: string): Promise<string | undefined> {
  const match = detectPreset((await openSource(fixture(file))).columns)
  return match && `${match.preset.id}/${match.table.id} → ${match.table.entity}`
}

describe('detectPreset', () => {
  it('recognises each system export among the fixtures by its header', async () => {
    expect(await detected('salesforce-contacts.csv')).toBe('salesforce/contacts → customers')
    expect(await detected('salesforce-contacts-report.csv')).toBe('salesforce/contacts-report → customers')
    expect(await detected('salesforce-accounts.csv')).toBe('salesforce/accounts → customers')
    expect(await detected('salesforce-opportunities.csv')).toBe('salesforce/opportunities → transactions')
    expect(await detected('hubspot-contacts.csv')).toBe('hubspot/contacts → customers')
    expect(await detected('hubspot-companies.csv')).toBe('hubspot/companies → customers')
    expect(await detected('hubspot-deals.csv')).toBe('hubspot/deals → transactions')
  })

  it('recognises nothing in a plain spreadsheet', async () => {
    expect(await detected('klanten-nl.csv')).toBeUndefined()
    expect(await detected('orders.tsv')).toBeUndefined()
    expect(await detected('contacts.json')).toBeUndefined()
  })

  it('ignores case and surrounding spaces, and prefers the most specific export', () => {
    expect(detectPreset([' record id', 'FIRST NAME', 'last name', 'email ', 'Company Name'])?.table.id).toBe('contacts')
    expect(detectPreset(['Account ID', 'Account Name', 'Opportunity ID', 'Opportunity Name', 'Stage'])?.table.id).toBe(
      'opportunities-report',
    )
    expect(detectPreset(['Account ID', 'Account Name', 'Industry'])?.table.id).toBe('accounts-report')
  })
})

describe('importPresets', () => {
  it('finds presets by id', () => {
    expect(findPreset('salesforce')?.source).toBe('salesforce')
    expect(findPreset('hubspot')?.label).toBe('HubSpot')
    expect(findPreset('generic')?.tables).toEqual([])
    expect(findPreset('pipedrive')).toBeUndefined()
  })

  it('maps only to fields its entity has, or to attributes of customers, each field once per table', () => {
    const fieldsOf: Record<string, readonly string[]> = {
      customers: customerFields.map((field) => field.name),
      transactions: transactionFields.map((field) => field.name),
    }
    for (const preset of importPresets) {
      for (const table of preset.tables) {
        const targets = Object.values(table.mapping)
        for (const target of targets) {
          const known =
            fieldsOf[table.entity]?.includes(target) || (table.entity === 'customers' && /^attr\.[a-z_]+$/.test(target))
          expect(known, `${preset.id}/${table.id} → ${target}`).toBe(true)
        }
        expect(new Set(targets).size, `${preset.id}/${table.id}`).toBe(targets.length)
      }
    }
  })
})

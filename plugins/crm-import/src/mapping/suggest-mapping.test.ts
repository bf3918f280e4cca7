import { describe, expect, it } from 'vitest'
import { customerFields, responseFields, transactionFields } from '../../test/entity-fields.js'
import { fixture } from '../../test/read-all-rows.js'
import { detectPreset } from '../presets/index.js'
import { openSource } from '../readers/open-source.js'
import { attributeKey, normaliseName } from './normalise-name.js'
import { suggestMapping } from './suggest-mapping.js'

describe('suggestMapping', () => {
  it('takes a detected preset mapping first: a HubSpot contacts export', async () => {
    const { columns } = await openSource(fixture('hubspot-contacts.csv'))
    const mapping = suggestMapping(columns, customerFields, true, detectPreset(columns))
    expect(mapping).toEqual({
      'Record ID': 'source_id',
      'First Name': 'first_name',
      'Last Name': 'last_name',
      Email: 'email',
      'Phone Number': 'attr.phone',
      'Lifecycle Stage': 'attr.lifecycle_stage',
      'Create Date': 'attr.created_date',
      'Contact owner': 'attr.owner',
      'Company Name': 'attr.company',
      City: 'attr.city',
      'Country/Region': 'attr.country',
    })
  })

  it('maps a Salesforce contacts export, keeping columns the preset does not name as attributes', async () => {
    const { columns } = await openSource(fixture('salesforce-contacts.csv'))
    const mapping = suggestMapping(columns, customerFields, true, detectPreset(columns))
    expect(mapping).toMatchObject({
      Id: 'source_id',
      FirstName: 'first_name',
      Email: 'email',
      MailingState: 'region',
      MailingStreet: 'attr.mailingstreet',
    })
  })

  it('matches a Dutch spreadsheet by names and synonyms, ignoring case, accents, spaces and dashes', async () => {
    const { columns } = await openSource(fixture('klanten-nl.csv'))
    expect(suggestMapping(columns, customerFields, true)).toEqual({
      Klantnummer: 'external_id',
      Naam: 'name',
      'E-mailadres': 'email',
      Plaats: 'attr.plaats',
      'Omzet (€)': 'attr.omzet',
      'Klant sinds': 'attr.klant_sinds',
      Opmerking: 'attr.opmerking',
    })
  })

  it('picks the field the entity has: customer for transactions, a date for "datum", question_type for "question"', () => {
    expect(suggestMapping(['klantnummer', 'Datum', 'Bedrag', 'Marge', 'Kassa'], transactionFields, false)).toEqual({
      klantnummer: 'customer',
      Datum: 'occurred_at',
      Bedrag: 'amount',
      Marge: 'margin',
      Kassa: null,
    })
    expect(suggestMapping(['customer_id', 'question', 'score', 'Toelichting', 'date'], responseFields, false)).toEqual({
      customer_id: 'customer',
      question: 'question_type',
      score: 'score',
      Toelichting: 'comment',
      date: 'answered_at',
    })
  })

  it('suggests no field twice, and the preset wins over a name match further left', () => {
    expect(suggestMapping(['email', 'E-mail', 'Email adres'], customerFields, false)).toEqual({
      email: 'email',
      'E-mail': null,
      'Email adres': null,
    })
    const preset = detectPreset(['Record ID', 'First Name', 'Last Name', 'Email'])
    expect(
      suggestMapping(['id', 'Record ID', 'First Name', 'Last Name', 'Email'], customerFields, true, preset),
    ).toMatchObject({
      id: 'attr.id',
      'Record ID': 'source_id',
    })
  })

  it('keeps an attr.<key> column as that attribute, where the entity keeps attributes', () => {
    expect(suggestMapping(['email', 'attr.tier'], customerFields, true)).toEqual({
      email: 'email',
      'attr.tier': 'attr.tier',
    })
    expect(suggestMapping(['attr.tier'], customerFields, false)).toEqual({ 'attr.tier': null })
  })

  it('leaves a preset target out when the entity does not have it', () => {
    const preset = detectPreset(['Record ID', 'First Name', 'Last Name', 'Email', 'City'])
    expect(suggestMapping(['Email', 'City'], customerFields, false, preset)).toEqual({ Email: 'email', City: null })
  })
})

describe('names', () => {
  it('normalises for comparison and for attribute keys', () => {
    expect(normaliseName('E-mail_Adres ')).toBe('emailadres')
    expect(normaliseName('Ëmile Dübois')).toBe('emiledubois')
    expect(attributeKey('Country/Region')).toBe('country_region')
    expect(attributeKey('Omzet (€)')).toBe('omzet')
    expect(attributeKey('x'.repeat(80))).toHaveLength(64)
  })
})

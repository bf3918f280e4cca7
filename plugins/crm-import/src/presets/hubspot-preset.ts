import type { ImportPreset } from './import-preset.js'

/**
 * HubSpot: contacts and companies into customers, deals into transactions, from the CSV or XLSX that
 * "Export" in a HubSpot object list writes (columns named by property label, `Record ID` first;
 * dates as `2024-03-05 09:30`).
 *
 * @example
 * detectPreset(['Record ID', 'First Name', 'Last Name', 'Email'])?.preset.id // 'hubspot'
 */
export const hubspotPreset: ImportPreset = {
  id: 'hubspot',
  source: 'hubspot',
  label: 'HubSpot',
  locale: 'en',
  dateOrder: 'ymd',
  tables: [
    {
      id: 'contacts',
      entity: 'customers',
      signature: ['Record ID', 'First Name', 'Last Name', 'Email'],
      mapping: {
        'Record ID': 'source_id',
        'First Name': 'first_name',
        'Last Name': 'last_name',
        Email: 'email',
        'Phone Number': 'attr.phone',
        'Mobile Phone Number': 'attr.mobile_phone',
        'Lifecycle Stage': 'attr.lifecycle_stage',
        'Lead Status': 'attr.lead_status',
        'Create Date': 'attr.created_date',
        'Contact owner': 'attr.owner',
        'Company Name': 'attr.company',
        'Job Title': 'attr.job_title',
        City: 'attr.city',
        'State/Region': 'region',
        'Country/Region': 'attr.country',
      },
    },
    {
      id: 'companies',
      entity: 'customers',
      signature: ['Record ID', 'Company name'],
      mapping: {
        'Record ID': 'source_id',
        'Company name': 'name',
        'Company Domain Name': 'attr.domain',
        Type: 'segment',
        Industry: 'attr.industry',
        'Lifecycle Stage': 'attr.lifecycle_stage',
        'Annual Revenue': 'attr.annual_revenue',
        'Number of Employees': 'attr.employees',
        'Phone Number': 'attr.phone',
        'Company owner': 'attr.owner',
        'Create Date': 'attr.created_date',
        City: 'attr.city',
        'State/Region': 'region',
        'Country/Region': 'attr.country',
      },
    },
    {
      id: 'deals',
      entity: 'transactions',
      signature: ['Record ID', 'Deal Name', 'Deal Stage'],
      mapping: {
        'Record ID': 'source_id',
        'Associated Company IDs': 'customer',
        'Close Date': 'occurred_at',
        Amount: 'amount',
      },
    },
  ],
}

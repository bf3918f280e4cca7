import type { ImportPreset } from './import-preset.js'

// Salesforce writes two kinds of CSV: the weekly Data Export (one file per object, columns named by
// API name: `FirstName`, `MailingCity`, dates as ISO-8601) and report exports (columns named by
// label: `First Name`, `Mailing City`). Each kind is its own table with its own signature.

const contactFields = {
  first: 'first_name',
  last: 'last_name',
  email: 'email',
  name: 'name',
  source: 'source_id',
  account: 'attr.account_id',
  accountName: 'attr.account_name',
  city: 'attr.city',
  state: 'region',
  country: 'attr.country',
  phone: 'attr.phone',
  mobile: 'attr.mobile_phone',
  title: 'attr.title',
  department: 'attr.department',
  leadSource: 'attr.lead_source',
  owner: 'attr.owner',
  created: 'attr.created_date',
} as const

/** Report exports write dates as the exporting user's locale does; en_US, the default, is month first. */
const reportDateOrder = 'mdy'

/**
 * Salesforce: contacts and accounts into customers, opportunities into transactions, from the Data
 * Export (API names) or from reports (labels).
 *
 * @example
 * detectPreset(['Id', 'AccountId', 'FirstName', 'LastName', 'Email'])?.table.id // 'contacts'
 */
export const salesforcePreset: ImportPreset = {
  id: 'salesforce',
  source: 'salesforce',
  label: 'Salesforce',
  locale: 'en',
  // The Data Export writes ISO-8601 (`2024-03-05T09:30:00.000Z`); report exports follow the
  // exporting user's locale, so their tables say `mdy` (`1/15/2023`, the en_US default Salesforce
  // ships with). A user in another locale tells the import with --date-order.
  dateOrder: 'ymd',
  tables: [
    {
      id: 'contacts',
      entity: 'customers',
      signature: ['Id', 'FirstName', 'LastName', 'Email'],
      mapping: {
        Id: contactFields.source,
        FirstName: contactFields.first,
        LastName: contactFields.last,
        Name: contactFields.name,
        Email: contactFields.email,
        AccountId: contactFields.account,
        MailingCity: contactFields.city,
        MailingState: contactFields.state,
        MailingCountry: contactFields.country,
        Phone: contactFields.phone,
        MobilePhone: contactFields.mobile,
        Title: contactFields.title,
        Department: contactFields.department,
        LeadSource: contactFields.leadSource,
        OwnerId: contactFields.owner,
        CreatedDate: contactFields.created,
      },
    },
    {
      id: 'contacts-report',
      dateOrder: reportDateOrder,
      entity: 'customers',
      signature: ['Contact ID', 'First Name', 'Last Name'],
      mapping: {
        'Contact ID': contactFields.source,
        'First Name': contactFields.first,
        'Last Name': contactFields.last,
        'Full Name': contactFields.name,
        Email: contactFields.email,
        'Account ID': contactFields.account,
        'Account Name': contactFields.accountName,
        'Mailing City': contactFields.city,
        'Mailing State/Province': contactFields.state,
        'Mailing Country': contactFields.country,
        Phone: contactFields.phone,
        Mobile: contactFields.mobile,
        Title: contactFields.title,
        Department: contactFields.department,
        'Lead Source': contactFields.leadSource,
        'Contact Owner': contactFields.owner,
        'Created Date': contactFields.created,
      },
    },
    {
      id: 'accounts',
      entity: 'customers',
      signature: ['Id', 'Name', 'BillingCity'],
      mapping: {
        Id: 'source_id',
        Name: 'name',
        AccountNumber: 'external_id',
        Type: 'segment',
        Industry: 'attr.industry',
        BillingCity: 'attr.city',
        BillingState: 'region',
        BillingCountry: 'attr.country',
        Phone: 'attr.phone',
        Website: 'attr.website',
        AnnualRevenue: 'attr.annual_revenue',
        NumberOfEmployees: 'attr.employees',
        OwnerId: 'attr.owner',
        CreatedDate: 'attr.created_date',
      },
    },
    {
      id: 'accounts-report',
      dateOrder: reportDateOrder,
      entity: 'customers',
      signature: ['Account ID', 'Account Name'],
      mapping: {
        'Account ID': 'source_id',
        'Account Name': 'name',
        'Account Number': 'external_id',
        Type: 'segment',
        Industry: 'attr.industry',
        'Billing City': 'attr.city',
        'Billing State/Province': 'region',
        'Billing Country': 'attr.country',
        Phone: 'attr.phone',
        Website: 'attr.website',
        'Annual Revenue': 'attr.annual_revenue',
        Employees: 'attr.employees',
        'Account Owner': 'attr.owner',
        'Created Date': 'attr.created_date',
      },
    },
    {
      id: 'opportunities',
      entity: 'transactions',
      signature: ['Id', 'AccountId', 'StageName', 'CloseDate'],
      mapping: { Id: 'source_id', AccountId: 'customer', CloseDate: 'occurred_at', Amount: 'amount' },
    },
    {
      id: 'opportunities-report',
      dateOrder: reportDateOrder,
      entity: 'transactions',
      signature: ['Opportunity ID', 'Opportunity Name', 'Stage'],
      mapping: {
        'Opportunity ID': 'source_id',
        'Account ID': 'customer',
        'Close Date': 'occurred_at',
        Amount: 'amount',
      },
    },
  ],
}

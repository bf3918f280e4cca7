/** One kind of export a system produces (HubSpot's contacts, Salesforce's opportunities) and where it goes. */
export interface PresetTable {
  readonly id: string
  /** The entity its rows import into (`customers`, `transactions`). */
  readonly entity: string
  /** Header names that, all present, identify this export. */
  readonly signature: readonly string[]
  /** Header name → entity field or `attr.<key>`. Headers are matched ignoring case and surrounding spaces. */
  readonly mapping: Readonly<Record<string, string>>
  /** How this export writes dates, when it differs from the preset's (a report follows its user's locale). */
  readonly dateOrder?: 'dmy' | 'mdy' | 'ymd'
}

/** The standard exports of one system, and how their cells are written. */
export interface ImportPreset {
  readonly id: string
  /** The identity source ids in these files belong to (`customer_identities.source`). */
  readonly source: string
  readonly label: string
  /** How the system writes numbers and dates when the file does not say. */
  readonly locale: 'en' | 'nl'
  readonly dateOrder: 'dmy' | 'mdy' | 'ymd'
  readonly tables: readonly PresetTable[]
}

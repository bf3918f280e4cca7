import { once } from 'node:events'
import { createWriteStream } from 'node:fs'

const segments = ['consumer', 'smb', 'enterprise']
const regions = ['noord', 'oost', 'zuid', 'west']
const plans = ['basic', 'plus', 'pro']

/** The header of the generated file: a Dutch spreadsheet export, with columns to map and attributes to type. */
export const customersCsvColumns = [
  'klantnummer',
  'email',
  'voornaam',
  'achternaam',
  'segment',
  'regio',
  'plan',
  'omzet',
  'klant_sinds',
] as const

/**
 * Writes `rows` customers as a `;`-separated CSV the way Dutch spreadsheets export it: decimal commas,
 * `dd-mm-yyyy` dates, one in ten e-mail addresses in capitals and some names with accents.
 */
export async function generateCustomersCsv(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file)
  out.write(`${customersCsvColumns.join(';')}\r\n`)
  for (let i = 0; i < rows; i++) {
    const email = `klant.${i}@voorbeeld.nl`
    const revenue = `${(i % 9973) * 3},${String(i % 100).padStart(2, '0')}`
    const day = String((i % 28) + 1).padStart(2, '0')
    const month = String((i % 12) + 1).padStart(2, '0')
    const line = [
      `K${String(i).padStart(8, '0')}`,
      i % 10 === 0 ? email.toUpperCase() : email,
      i % 7 === 0 ? 'Émile' : 'Anna',
      `de Vries ${i}`,
      segments[i % 3],
      regions[i % 4],
      plans[i % 3],
      revenue,
      `${day}-${month}-${2015 + (i % 10)}`,
    ].join(';')
    if (!out.write(`${line}\r\n`)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
}

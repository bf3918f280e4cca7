import type { customersCsvColumns } from './generate-customers-csv.js'

/** How the generated file's Dutch columns map to the customers entity, as `--map` would say it. */
export const customersCsvMapping: Record<(typeof customersCsvColumns)[number], string> = {
  klantnummer: 'external_id',
  email: 'email',
  voornaam: 'first_name',
  achternaam: 'last_name',
  segment: 'segment',
  regio: 'region',
  plan: 'plan',
  omzet: 'attr.omzet',
  klant_sinds: 'attr.klant_sinds',
}

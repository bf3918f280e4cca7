/** What the dashboard shares with the server: NPS's groups and formula, free of Kysely and Lit. */
export { type NpsGroupId, npsFormula, npsGroup, npsGroups, scoreRange } from './nps-groups.js'

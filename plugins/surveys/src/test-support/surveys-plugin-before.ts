import { surveysPlugin } from '../index.js'

/**
 * The surveys plugin as it was before the migration named `before` (e.g. '007'): its migrations up to
 * there only, so a test can store rows in the old layout and then migrate them.
 */
export function surveysPluginBefore(before: string) {
  const current = surveysPlugin()
  const migrations = Object.fromEntries(Object.entries(current.migrations).filter(([name]) => name < before))
  return Object.freeze({ ...current, migrations })
}

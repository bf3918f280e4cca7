import { readdirSync, readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join, relative, sep } from 'node:path'
import type { ImportUse } from './read-imports.js'

/** One rule of the house: which files it covers and what it forbids them to bring in. */
export interface HouseRule {
  name: string
  covers(file: string): boolean
  /** Why `use` breaks the rule in `file`, or undefined when it does not. */
  forbids(use: ImportUse, file: string): string | undefined
}

/** A broken rule, located: `packages/core/src/x.ts:3 imports 'pg' (dynamic): …`. */
export interface Violation {
  rule: string
  file: string
  line: number
  specifier: string
  kind: ImportUse['kind']
  reason: string
}

const nodeBuiltins = new Set(builtinModules)
const isNodeBuiltin = (specifier: string) => specifier.startsWith('node:') || nodeBuiltins.has(specifier.split('/')[0]!)
const isPackage = (specifier: string, name: string) => specifier === name || specifier.startsWith(`${name}/`)
/** Tests and their helpers (`test/`, `test-support/`) may reach past the rules to set up what they check. */
const isTest = (file: string) =>
  /\.test(-d)?\.ts$/.test(file) || file.includes(`${sep}test${sep}`) || file.includes(`${sep}test-support${sep}`)
const normalise = (file: string) => file.split(sep).join('/')

/** Drivers, HTTP and rendering: what only the outer layers may load. */
const infrastructure = ['better-sqlite3', 'pg', 'hono', '@hono/node-server', '@hono/zod-openapi', 'lit']

/**
 * `@cxkit/core` sits at the bottom of the house: it loads no other cxkit package, no Node built-in, no
 * driver, HTTP or rendering library, and uses kysely for its types only (so plugins can type queries
 * against core's tables without core opening a database).
 */
export const coreStaysAtTheBottom: HouseRule = {
  name: 'core stays at the bottom',
  covers: (file) => normalise(file).includes('packages/core/src/') && !isTest(file),
  forbids({ specifier, kind }) {
    if (specifier === '<computed>') return 'a computed module name cannot be checked'
    if (kind === 'type') return undefined
    if (specifier.startsWith('@cxkit/')) return 'core imports no other cxkit package'
    if (isNodeBuiltin(specifier)) return 'core does no I/O: no Node built-ins'
    if (infrastructure.some((name) => isPackage(specifier, name))) return 'core loads no driver, HTTP or UI library'
    if (isPackage(specifier, 'kysely')) return "core uses kysely for types only ('import type')"
    return undefined
  },
}

/** Packages a plugin reaches only through the context it is handed, never by import. */
const hostOnly = ['@cxkit/db', '@cxkit/server', '@cxkit/demo', '@cxkit/testing', 'cxkit', 'better-sqlite3', 'pg']

/**
 * A plugin's shipped code imports core, the UI kit and the cxkit packages its manifest lists; the
 * database, server and demo come to it through its context (capabilities injected, never imported).
 */
export function pluginsUseTheirContext(manifestDependencies: (file: string) => readonly string[]): HouseRule {
  return {
    name: 'plugins use their context',
    covers: (file) => /(^|\/)plugins\/[^/]+\/src\//.test(normalise(file)) && !isTest(file),
    forbids({ specifier, kind }, file) {
      if (specifier === '<computed>') return 'a computed module name cannot be checked'
      if (kind === 'type') return undefined
      if (hostOnly.some((name) => isPackage(specifier, name))) return `plugins get ${specifier} through their context`
      const cxkitPackage = specifier.match(/^@cxkit\/[^/]+/)?.[0]
      if (cxkitPackage && !manifestDependencies(file).includes(cxkitPackage)) {
        return `${cxkitPackage} is not among the plugin's dependencies`
      }
      return undefined
    },
  }
}

/** Browser code (panels, the UI kit, the dashboard shell) loads nothing that only runs on the server. */
export const dashboardStaysInTheBrowser: HouseRule = {
  name: 'dashboard code stays in the browser',
  covers: (file) => {
    const path = normalise(file)
    return (
      !isTest(file) &&
      (/plugins\/[^/]+\/src\/dashboard\//.test(path) ||
        path.includes('packages/ui/src/') ||
        (path.includes('apps/dashboard/src/') && !path.includes('apps/dashboard/src/build/')))
    )
  },
  forbids({ specifier, kind }) {
    if (specifier === '<computed>') return 'a computed module name cannot be checked'
    if (kind === 'type') return undefined
    if (isNodeBuiltin(specifier)) return 'browser code has no Node built-ins'
    const serverOnly = ['kysely', '@cxkit/db', '@cxkit/server', 'better-sqlite3', 'pg', 'hono', '@hono/zod-openapi']
    if (serverOnly.some((name) => isPackage(specifier, name))) return `${specifier} runs on the server only`
    return undefined
  },
}

/** Checks every file a rule covers and lists what breaks it. */
export function findViolations(
  rules: readonly HouseRule[],
  files: readonly { file: string; uses: readonly ImportUse[] }[],
): Violation[] {
  return rules.flatMap((rule) =>
    files
      .filter(({ file }) => rule.covers(file))
      .flatMap(({ file, uses }) =>
        uses.flatMap((use) => {
          const reason = rule.forbids(use, file)
          return reason
            ? [{ rule: rule.name, file, line: use.line, specifier: use.specifier, kind: use.kind, reason }]
            : []
        }),
      ),
  )
}

/** The TypeScript sources below a folder, without node_modules and build output. */
export function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) return []
    const path = join(dir, entry.name)
    return entry.isDirectory() ? typeScriptFiles(path) : entry.name.endsWith('.ts') ? [path] : []
  })
}

/** The cxkit packages a file's package lists as dependencies (read from the nearest package.json). */
export function cxkitDependenciesOf(repositoryRoot: string): (file: string) => readonly string[] {
  const cache = new Map<string, string[]>()
  return (file) => {
    const packageDir = join(repositoryRoot, ...relative(repositoryRoot, file).split(sep).slice(0, 2))
    let dependencies = cache.get(packageDir)
    if (!dependencies) {
      const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'))
      dependencies = Object.keys(manifest.dependencies ?? {}).filter((name) => name.startsWith('@cxkit/'))
      cache.set(packageDir, dependencies)
    }
    return dependencies
  }
}

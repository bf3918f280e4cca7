import { bodyLimits, type PluginBodyLimits } from '@cxkit/core'

interface BodyLimitRule {
  method: string
  pattern: RegExp
  /** True when the rule's path ended in `/*`: it covers the path and everything below it. */
  below: boolean
  length: number
  maxBytes: number
}

/** `/surveys/{id}/links` → a pattern where `{id}` is one path segment; a trailing `/*` covers what is below. */
function pathPattern(path: string): { pattern: RegExp; below: boolean } {
  const below = path.endsWith('/*')
  const segments = (below ? path.slice(0, -2) : path)
    .split('/')
    .map((segment) => (/^\{[^}]+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
  return { pattern: new RegExp(`^${segments.join('/')}${below ? '(/.*)?' : ''}$`), below }
}

/**
 * The limit of the most specific rule that matches a method and path (relative to the plugin's base), or
 * undefined when none does: an exact route before a `/*` prefix, a longer path before a shorter one.
 *
 * @example
 * const streamed = matchRouteLimits({ 'POST /uploads': bodyLimits.upload })
 * streamed('POST', '/uploads') // 512 MiB
 * streamed('POST', '/imports') // undefined
 */
export function matchRouteLimits(declared: PluginBodyLimits): (method: string, path: string) => number | undefined {
  const rules: BodyLimitRule[] = Object.entries(declared).map(([key, maxBytes]) => {
    const [method = '*', path = '/'] = key.split(' ')
    return { method: method.toUpperCase(), ...pathPattern(path), length: path.length, maxBytes }
  })
  // Exact routes first, then longer paths: the first rule that matches is the most specific.
  rules.sort((a, b) => Number(a.below) - Number(b.below) || b.length - a.length)
  return (method, path) =>
    rules.find((r) => (r.method === '*' || r.method === method.toUpperCase()) && r.pattern.test(path))?.maxBytes
}

/**
 * Turns a plugin's declared `bodyLimits` into a look-up by method and path (relative to the plugin's base).
 * The most specific rule wins: an exact route before a `/*` prefix, a longer path before a shorter one.
 * Routes no rule names get `bodyLimits.json`.
 *
 * @example
 * const limitFor = routeBodyLimits({ 'POST /surveys/{id}/links': bodyLimits.batch })
 * limitFor('POST', '/surveys/feedback/links') // 20 MiB
 */
export function routeBodyLimits(declared: PluginBodyLimits): (method: string, path: string) => number {
  const match = matchRouteLimits(declared)
  return (method, path) => match(method, path) ?? bodyLimits.json
}

import { CxError } from '@cxkit/core'
import type { MiddlewareHandler } from 'hono'
import { problemResponse } from './error-handler.js'
import { problemFrom } from './problem.js'

/** The names a server on this machine is always reached by. */
export const loopbackHosts: readonly string[] = ['localhost', '127.0.0.1', '[::1]']

/** Addresses that mean "every interface": they name no host a client would use. */
const wildcardAddresses = new Set(['', '0.0.0.0', '::', '[::]'])

/**
 * The hosts a server bound to `bindAddress` answers by default: the loopback names, and the bound
 * address itself when it is one interface rather than all of them.
 *
 * @example
 * defaultAllowedHosts('192.168.1.5') // ['localhost', '127.0.0.1', '[::1]', '192.168.1.5']
 */
export function defaultAllowedHosts(bindAddress: string | undefined): string[] {
  const address = (bindAddress ?? '').trim().toLowerCase()
  if (wildcardAddresses.has(address)) return [...loopbackHosts]
  const named = address.includes(':') && !address.startsWith('[') ? `[${address}]` : address
  return [...new Set([...loopbackHosts, named])]
}

/**
 * Parses `CXKIT_ALLOWED_HOSTS`: host names separated by commas (`cx.example.com, localhost`), or `*` for
 * any host. Empty or unset gives `fallback`.
 *
 * @example
 * parseAllowedHosts('cx.example.com,localhost', defaultAllowedHosts('127.0.0.1'))
 */
export function parseAllowedHosts(value: string | undefined, fallback: readonly string[]): string[] {
  const hosts = (value ?? '')
    .split(',')
    .map((host) => host.trim().toLowerCase())
    .filter(Boolean)
  for (const host of hosts) {
    if (host !== '*' && !/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)$/.test(host)) {
      throw new CxError(
        'CXKIT_CONFIG_INVALID',
        `CXKIT_ALLOWED_HOSTS: '${host}' is not a host name (list names without scheme or port, separated by commas)`,
      )
    }
  }
  return hosts.length > 0 ? hosts : [...fallback]
}

/** The host name of a `Host` header or URL authority, without its port, in lower case. */
function hostName(authority: string): string {
  const value = authority.trim().toLowerCase()
  if (value.startsWith('[')) return value.slice(0, value.indexOf(']') + 1)
  return value.replace(/:\d*$/, '').replace(/\.$/, '')
}

/**
 * Answers only requests addressed to one of `hosts` (`*` allows any); others get a 403 problem naming the
 * `Host` header. A web page on another site whose domain was re-pointed at this machine (DNS rebinding)
 * sends its own domain as Host, so it cannot reach a server that listens on loopback only.
 *
 * @example
 * app.use('*', allowHosts(['localhost', '127.0.0.1', '[::1]']))
 */
export function allowHosts(hosts: readonly string[]): MiddlewareHandler {
  const allowed = new Set(hosts.map(hostName))
  return async function allowedHostsOnly(c, next) {
    if (allowed.has('*')) return next()
    // The URL carries the Host header, or the authority of an absolute request target: both must be allowed.
    const names = [new URL(c.req.url).hostname, c.req.header('host')].filter((n): n is string => Boolean(n))
    const refused = names.map(hostName).find((name) => !allowed.has(name))
    if (refused === undefined) return next()
    return problemResponse(
      problemFrom(
        new CxError('CXKIT_HOST_NOT_ALLOWED', `this server does not answer for host '${refused}'`, {
          status: 403,
          details: {
            fields: [{ field: 'header.host', code: 'invalid_value', message: 'not in CXKIT_ALLOWED_HOSTS' }],
          },
        }),
      ),
    )
  }
}

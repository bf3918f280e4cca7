import { describe, expect, it } from 'vitest'
import { readEnvironment } from './read-environment.js'

describe('readEnvironment', () => {
  it('defaults to port 8787 on the loopback interface with demo data', () => {
    expect(readEnvironment({})).toEqual({
      port: 8787,
      hostname: '127.0.0.1',
      allowedHosts: ['localhost', '127.0.0.1', '[::1]'],
      databaseUrl: undefined,
      demo: true,
    })
  })

  it('reads PORT, HOST, CXKIT_DATABASE_URL and CXKIT_DEMO', () => {
    expect(
      readEnvironment({ PORT: '9000', HOST: '0.0.0.0', CXKIT_DATABASE_URL: 'postgres://db/cx', CXKIT_DEMO: '0' }),
    ).toEqual({
      port: 9000,
      hostname: '0.0.0.0',
      allowedHosts: ['localhost', '127.0.0.1', '[::1]'],
      databaseUrl: 'postgres://db/cx',
      demo: false,
    })
  })

  it('answers the loopback names and the one address HOST binds to, or the names in CXKIT_ALLOWED_HOSTS', () => {
    expect(readEnvironment({ HOST: '10.1.2.3' }).allowedHosts).toEqual(['localhost', '127.0.0.1', '[::1]', '10.1.2.3'])
    expect(
      readEnvironment({ HOST: '0.0.0.0', CXKIT_ALLOWED_HOSTS: 'cx.example.com,cx.internal' }).allowedHosts,
    ).toEqual(['cx.example.com', 'cx.internal'])
    expect(() => readEnvironment({ CXKIT_ALLOWED_HOSTS: 'http://cx.example.com' })).toThrow('CXKIT_ALLOWED_HOSTS')
  })

  it('names a bad PORT', () => {
    expect(() => readEnvironment({ PORT: 'eighty' })).toThrow("PORT must be a port number (0–65535), got 'eighty'")
  })

  it('reads CXKIT_QUERY_TIMEOUT_MS and names a bad one', () => {
    expect(readEnvironment({ CXKIT_QUERY_TIMEOUT_MS: '2500' }).queryTimeoutMs).toBe(2500)
    expect(() => readEnvironment({ CXKIT_QUERY_TIMEOUT_MS: '1.5s' })).toThrow(
      "CXKIT_QUERY_TIMEOUT_MS must be a whole number of milliseconds above 0, got '1.5s'",
    )
  })
})

import { bodyLimits } from '@cxkit/core'
import { describe, expect, it } from 'vitest'
import { routeBodyLimits } from './route-body-limits.js'

describe('routeBodyLimits', () => {
  const limitFor = routeBodyLimits({
    'POST /responses': bodyLimits.batch,
    'POST /surveys/{id}/links': bodyLimits.batch,
    '* /public/*': bodyLimits.publicJson,
    'PUT /public/special': 5,
  })

  it('gives a declared route its limit, by method and path with parameters', () => {
    expect(limitFor('POST', '/responses')).toBe(bodyLimits.batch)
    expect(limitFor('post', '/surveys/feedback/links')).toBe(bodyLimits.batch)
    expect(limitFor('POST', '/public/abc/responses')).toBe(bodyLimits.publicJson)
    expect(limitFor('GET', '/public')).toBe(bodyLimits.publicJson)
  })

  it('prefers an exact route to a prefix, and gives every other route the JSON limit', () => {
    expect(limitFor('PUT', '/public/special')).toBe(5)
    expect(limitFor('GET', '/responses')).toBe(bodyLimits.json)
    expect(limitFor('POST', '/responses/extra')).toBe(bodyLimits.json)
    expect(limitFor('POST', '/surveys/feedback/links/x')).toBe(bodyLimits.json)
    expect(limitFor('POST', '/publicity')).toBe(bodyLimits.json)
  })
})

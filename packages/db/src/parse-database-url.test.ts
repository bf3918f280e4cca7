import { describe, expect, it } from 'vitest'
import { parseDatabaseUrl } from './parse-database-url.js'

describe('parseDatabaseUrl', () => {
  it('reads every supported form', () => {
    expect(parseDatabaseUrl('sqlite:./data/cxkit.db')).toEqual({ dialect: 'sqlite', file: './data/cxkit.db' })
    expect(parseDatabaseUrl('sqlite::memory:')).toEqual({ dialect: 'sqlite', file: ':memory:' })
    expect(parseDatabaseUrl('sqlite:///var/lib/cxkit.db')).toEqual({ dialect: 'sqlite', file: '/var/lib/cxkit.db' })
    expect(parseDatabaseUrl('postgresql://u@h/db')).toEqual({
      dialect: 'postgres',
      connectionString: 'postgresql://u@h/db',
    })
  })

  it('explains what it wants and never echoes a password', () => {
    expect(() => parseDatabaseUrl('mysql://root:secret@h/db')).toThrow(/'mysql:\/\/root:\*\*\*@h\/db' is not supported/)
    expect(() => parseDatabaseUrl('sqlite:')).toThrow(/names no file/)
  })
})

import { describe, expect, it } from 'vitest'
import { breakdownCsv } from './breakdown-csv.js'

describe('breakdownCsv', () => {
  it('writes the total and each group, quoting what needs quoting', () => {
    const csv = breakdownCsv('csat', { value: 0.5, n: 4, interval: { lower: 0.15, upper: 0.85 } }, [
      { key: 'Shop, Utrecht', keys: ['Shop, Utrecht'], value: 1, n: 1, interval: null },
      { key: 'Web "checkout"', keys: ['Web "checkout"'], value: null, n: 0 },
    ])
    expect(csv.split('\r\n')).toEqual([
      'metric,group,value,lower_95,upper_95,n',
      'csat,(all),0.5,0.15,0.85,4',
      'csat,"Shop, Utrecht",1,,,1',
      'csat,"Web ""checkout""",,,,0',
      '',
    ])
  })
})

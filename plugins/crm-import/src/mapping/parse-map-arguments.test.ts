import { CxValidationError } from '@cxkit/core'
import { describe, expect, it } from 'vitest'
import { customerFields } from '../../test/entity-fields.js'
import { parseMapArguments } from './parse-map-arguments.js'

describe('parseMapArguments', () => {
  it('reads column=field, attributes, and column= to leave a column out', () => {
    expect(
      parseMapArguments(
        ['Klantnr=external_id', ' Notities = attr.notes', 'Intern=', 'a=b=email'],
        customerFields,
        true,
      ),
    ).toEqual({ Klantnr: 'external_id', Notities: 'attr.notes', Intern: null, 'a=b': 'email' })
  })

  it('names every bad argument by its position', () => {
    let error: unknown
    try {
      parseMapArguments(['Email=email', 'nonsense', '=email', 'X=mail', 'Y=attr.', 'Email=name'], customerFields, true)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(CxValidationError)
    expect((error as CxValidationError).fields.map((field) => `${field.field}: ${field.message}`)).toEqual([
      '--map[1]: "nonsense": is not column=field',
      '--map[2]: "=email": is not column=field',
      '--map[3]: "X=mail": unknown field "mail"; the fields are source_id, external_id, email, name, first_name, last_name, segment, region, plan',
      '--map[4]: "Y=attr.": attr. needs a key, as in attr.city',
      '--map[5]: "Email=name": column "Email" is mapped twice',
    ])
  })

  it('refuses attributes for an entity that keeps none', () => {
    expect(() => parseMapArguments(['City=attr.city'], customerFields, false)).toThrow(
      '--map[0]: "City=attr.city": this entity keeps no attributes',
    )
  })
})

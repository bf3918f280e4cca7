import { describe, expectTypeOf, it } from 'vitest'
import { createHost } from '../host/create-host.js'
import { contribute, defineExtensionPoint } from './define-extension-point.js'
import { definePlugin } from './define-plugin.js'

interface Greeting {
  id: string
  greet(name: string): string
}
const greetings = defineExtensionPoint<Greeting>('engine.greetings')
const hello: Greeting = { id: 'hello', greet: (name) => `hello ${name}` }

describe('typed extension points', () => {
  it('read back what was contributed, with its type', () => {
    const host = createHost([
      definePlugin({ id: 'a', version: '1.0.0', contributes: [contribute(greetings, hello)] })(),
    ])
    expectTypeOf(host.contributions(greetings)).toEqualTypeOf<Greeting[]>()
  })

  it('refuse an item of the wrong type', () => {
    // @ts-expect-error a string is no Greeting
    contribute(greetings, 'hello')
    // @ts-expect-error a Greeting without its method
    contribute(greetings, { id: 'half' })
  })

  it('refuse a point named by a bare string', () => {
    const host = createHost([])
    // @ts-expect-error points are read by their declaration, not by a string that could be misspelt
    host.contributions('engine.greetings')
  })
})

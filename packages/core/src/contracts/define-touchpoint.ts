import type { z } from 'zod'
import { CxError } from '../errors/cx-error.js'
import type { TouchpointChannel } from '../schemas/touchpoint-channel.js'
import type { LocalizedText } from './localized-text.js'

/** How a touchpoint kind takes in data. */
export type CaptureMethod = 'api' | 'webhook' | 'widget' | 'page' | 'import'
/** What a touchpoint kind produces. */
export type TouchpointOutput = 'responses' | 'events'

/** A kind of touchpoint a plugin knows how to capture data from (a web shop page, a support call, …). */
export interface TouchpointDefinition<TSettings extends z.ZodType = z.ZodType> {
  readonly id: string
  readonly label: LocalizedText
  readonly channel: TouchpointChannel
  readonly defaultStage: string
  readonly settings?: TSettings
  readonly captures: readonly CaptureMethod[]
  readonly produces: readonly TouchpointOutput[]
}

/**
 * Declares a touchpoint kind.
 *
 * @example
 * const checkout = defineTouchpoint({ id: 'web-checkout', channel: 'website', defaultStage: 'purchase',
 *   label: { en: 'Checkout', nl: 'Afrekenen' }, captures: ['widget'], produces: ['responses'] })
 */
export function defineTouchpoint<const T extends TouchpointDefinition>(touchpoint: T): Readonly<T> {
  if (touchpoint.captures.length === 0) {
    throw new CxError('CXKIT_PLUGIN_INVALID', `touchpoint '${touchpoint.id}' must capture data in at least one way`)
  }
  return Object.freeze({ ...touchpoint })
}

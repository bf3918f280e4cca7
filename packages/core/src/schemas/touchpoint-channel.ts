import { z } from 'zod'
import type { LocalizedText } from '../contracts/localized-text.js'

/**
 * Where a touchpoint meets the customer (domain.md): its **touchpoint channel**. Not to be confused with
 * how a survey response was collected (the surveys plugin's collection methods: link, widget, api, …).
 * Values are stored in `touchpoints.channel`: new ones may be added, none may be removed or renamed.
 */
export const touchpointChannels = [
  'website',
  'email',
  'call-centre',
  'in-app',
  'on-site',
  'shop',
  'chatbot',
  'social',
  'post',
  'delivery',
] as const

/**
 * A touchpoint channel, checked.
 *
 * @example
 * touchpointChannelSchema.parse('call-centre')
 */
export const touchpointChannelSchema = z.enum(touchpointChannels)
export type TouchpointChannel = z.infer<typeof touchpointChannelSchema>

/**
 * What each touchpoint channel is called, in every shipped language.
 *
 * @example
 * localize(touchpointChannelLabels['call-centre'], 'nl') // 'Klantenservice (telefoon)'
 */
export const touchpointChannelLabels: Readonly<Record<TouchpointChannel, LocalizedText>> = Object.freeze({
  website: { en: 'Website', nl: 'Website' },
  email: { en: 'E-mail', nl: 'E-mail' },
  'call-centre': { en: 'Call centre', nl: 'Klantenservice (telefoon)' },
  'in-app': { en: 'In-app', nl: 'In de app' },
  'on-site': { en: 'On site', nl: 'Op locatie' },
  shop: { en: 'Shop', nl: 'Winkel' },
  chatbot: { en: 'Chatbot', nl: 'Chatbot' },
  social: { en: 'Social media', nl: 'Sociale media' },
  post: { en: 'Post', nl: 'Post' },
  delivery: { en: 'Delivery', nl: 'Bezorging' },
})

/** @deprecated The former name of {@link touchpointChannels}; kept so existing plugins still build. */
export const channels = touchpointChannels
/** @deprecated The former name of {@link touchpointChannelSchema}. */
export const channelSchema = touchpointChannelSchema
/** @deprecated The former name of {@link TouchpointChannel}. */
export type Channel = TouchpointChannel

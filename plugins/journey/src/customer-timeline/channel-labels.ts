import type { Channel, LocalizedText } from '@cxkit/core'

/** The channels as people name them, so a timeline reads "Call centre" rather than `call-centre`. */
const channelLabels: Record<Channel, LocalizedText> = {
  website: { en: 'Website', nl: 'Website' },
  email: { en: 'E-mail', nl: 'E-mail' },
  'call-centre': { en: 'Call centre', nl: 'Callcenter' },
  'in-app': { en: 'In the app', nl: 'In de app' },
  'on-site': { en: 'On site', nl: 'Op locatie' },
  chatbot: { en: 'Chatbot', nl: 'Chatbot' },
  social: { en: 'Social media', nl: 'Sociale media' },
  post: { en: 'Post', nl: 'Post' },
}

/**
 * A channel's name in every shipped language; a channel this list does not know reads as its id.
 *
 * @example
 * channelLabel('call-centre') // { en: 'Call centre', nl: 'Callcenter' }
 */
export function channelLabel(channel: string): LocalizedText | string {
  return Object.hasOwn(channelLabels, channel) ? channelLabels[channel as Channel] : channel
}

import { type LocalizedText, type TouchpointChannel, touchpointChannelLabels } from '@cxkit/core'

/**
 * A touchpoint channel's name in every shipped language (core's labels); a channel core does not know
 * reads as its id.
 *
 * @example
 * channelLabel('call-centre') // { en: 'Call centre', nl: 'Klantenservice (telefoon)' }
 */
export function channelLabel(channel: string): LocalizedText | string {
  return Object.hasOwn(touchpointChannelLabels, channel)
    ? touchpointChannelLabels[channel as TouchpointChannel]
    : channel
}

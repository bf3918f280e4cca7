import { localizeText } from '@cxkit/ui'
import type { MapChannel } from '../map-model.js'

/**
 * A touchpoint channel's name in the reader's language, as the server named it; the id when the
 * channel is unknown (a value stored by a newer version).
 *
 * @example
 * channelName(view.channels, 'call-centre', 'nl') // 'Klantenservice (telefoon)'
 */
export function channelName(channels: readonly MapChannel[], id: string, locale: string): string {
  const channel = channels.find((candidate) => candidate.id === id)
  return channel ? localizeText(channel.label, locale) : id
}

import { z } from 'zod'

/** The channels a touchpoint can belong to (domain.md). */
export const channels = ['website', 'email', 'call-centre', 'in-app', 'on-site', 'chatbot', 'social', 'post'] as const
export const channelSchema = z.enum(channels)
export type Channel = z.infer<typeof channelSchema>

import type { LocalizedText } from './localized-text.js'
import { defineExtensionPoint } from './define-extension-point.js'
import type { PluginContext } from './plugin-context.js'

/** Text a timeline shows: a label in every shipped language, or the customer's own words as they were given. */
export type TimelineText = LocalizedText | string

/** A score on a scale: an NPS answer, a CSAT rating, a churn risk. */
export interface TimelineScore {
  readonly value: number
  /** What was scored, by the type that owns the scale (`nps`, `csat`, `churn-risk`). */
  readonly type: string
  /** The scale's bounds, so a 4 on 1–5 and a 4 on 0–10 read differently. */
  readonly min?: number
  readonly max?: number
  /** How the score is named to people (`Net Promoter Score`), when the type has a label. */
  readonly label?: TimelineText
  /** The named band the score falls in (NPS `Promoters`), when its type has bands. */
  readonly group?: TimelineText
}

/** One line of context beside an entry: where it happened, on which channel, for how much. */
export interface TimelineFact {
  readonly label: TimelineText
  readonly value: TimelineText
}

/**
 * One thing that happened to or with a customer: a survey response, a journey event, a purchase, a
 * change of churn risk. What a contributor returns; the server adds nothing but the merge.
 */
export interface CustomerTimelineEntry {
  /** Unique within its plugin and kind (a response id, an event id): a stable key for lists. */
  readonly id: string
  /** When it happened: an ISO-8601 UTC instant. */
  readonly at: string
  /** What sort of entry it is (`survey-response`, `journey-event`, `transaction`): the dashboard shows it. */
  readonly kind: string
  /** The plugin that contributed it: the server sets it, a source need not. */
  readonly plugin: string
  readonly title: TimelineText
  readonly detail?: TimelineText
  /** Scores given or computed at that moment; a response with an NPS and a CES question has two. */
  readonly scores?: readonly TimelineScore[]
  readonly facts?: readonly TimelineFact[]
  /** A path in the dashboard or the API with more about the entry. */
  readonly link?: string
}

/** An entry as a source returns it: the server adds the contributing plugin's id. */
export type CustomerTimelineSourceEntry = Omit<CustomerTimelineEntry, 'plugin'>

/** Which entries to load: of one customer, newest first, strictly before `before` when it is given. */
export interface CustomerTimelineQuery {
  readonly workspace: string
  /** The customer's `customers.id`. */
  readonly customerId: string
  /** An ISO-8601 UTC instant: only entries earlier than this (the page after the one that ended here). */
  readonly before?: string
  /** The most entries to return; a source must not return more (the server asks one more than it shows). */
  readonly limit: number
}

/**
 * A source of timeline entries. `load` reads the newest `limit` entries of the customer before `before`,
 * newest first, in SQL (bounded: `limit` rows, never "all of a customer's rows into memory").
 */
export interface CustomerTimelineSource {
  /** What the source's entries are (`survey-response`): names it in errors and logs. */
  readonly kind: string
  load(ctx: PluginContext, query: CustomerTimelineQuery): Promise<CustomerTimelineSourceEntry[]>
}

/**
 * Where plugins add what they know of one customer to the customer page: survey responses, journey events,
 * transactions, CLV and churn risk. Core owns the point because the customer is core's; the server merges
 * every source's entries, newest first, and calls each source with its own plugin's context.
 *
 * @example
 * definePlugin({ id: 'tickets', version: '0.1.0', contributes: [contribute(customerTimelinePoint, {
 *   kind: 'ticket', load: (ctx, query) => loadTickets(ctx, query) })] })
 */
export const customerTimelinePoint = defineExtensionPoint<CustomerTimelineSource>('core.customerTimeline')

/** The most entries one timeline page may ask for. */
export const maxTimelineLimit = 100

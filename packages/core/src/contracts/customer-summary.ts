import type { TimelineText } from './customer-timeline.js'
import { defineExtensionPoint } from './define-extension-point.js'
import type { PluginContext } from './plugin-context.js'

/**
 * One figure about a customer now, shown at the top of the customer page: a CLV, a P(alive), a churn risk.
 * The value is text the plugin formats (it knows the currency and the unit); an estimate says its n and,
 * where it has one, its interval.
 */
export interface CustomerSummaryCard {
  /** Unique within its plugin: a stable key for the page. */
  readonly id: string
  readonly label: TimelineText
  readonly value: TimelineText
  /** What the figure means or rests on: "next 52 weeks", "fit of 28 Nov 2026". */
  readonly detail?: TimelineText
  /** How many observations the estimate rests on (a fit's customers). */
  readonly n?: number
  /** The estimate's interval, formatted like the value. */
  readonly interval?: { readonly lower: TimelineText; readonly upper: TimelineText }
  /** Short labels beside the value (the signals of a churn risk). */
  readonly tags?: readonly TimelineText[]
  /** A path in the dashboard or the API with more. */
  readonly link?: string
}

/** A card as the server serves it: the contributing plugin's id added. */
export type CustomerSummaryEntry = CustomerSummaryCard & { readonly plugin: string }

/** Whose summary to load. */
export interface CustomerSummaryQuery {
  readonly workspace: string
  /** The customer's `customers.id`. */
  readonly customerId: string
}

/** A source of summary cards: reads what it knows of one customer now, in a few bounded queries. */
export interface CustomerSummarySource {
  /** What the cards are (`clv`): names the source in errors and logs. */
  readonly kind: string
  load(ctx: PluginContext, query: CustomerSummaryQuery): Promise<CustomerSummaryCard[]>
}

/**
 * Where plugins add a summary of the customer now to the top of the customer page (the timeline says what
 * happened; this says where the customer stands): CLV, P(alive), churn risk. The server asks every source,
 * each with its own plugin's context, and shows the others when one fails.
 *
 * @example
 * definePlugin({ id: 'tickets', version: '0.1.0', contributes: [contribute(customerSummaryPoint, {
 *   kind: 'open-tickets', load: async (ctx, q) => [{ id: 'open', label: { en: 'Open tickets' }, value: '2' }] })] })
 */
export const customerSummaryPoint = defineExtensionPoint<CustomerSummarySource>('core.customerSummary')

/** The most cards one source may contribute. */
export const maxSummaryCards = 12

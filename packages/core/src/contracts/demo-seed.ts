/** A demo customer, as the core demo generator created it. */
export interface DemoCustomer {
  readonly id: string
  readonly externalId: string
  readonly segment: string
  readonly region: string
  readonly plan: string
  /** When the customer joined, ISO instant. */
  readonly createdAt: string
}

/** What a plugin's `seedDemo` is given: the demo workspace, its customers, and a seeded random source. */
export interface DemoSeedContext {
  readonly workspace: string
  readonly customers: readonly DemoCustomer[]
  readonly touchpoints: readonly { id: string; stageId: string; channel: string }[]
  /** The instant the demo data is generated "as of". */
  readonly now: Date
  /** Uniform in [0, 1), seeded: the same seed gives the same demo data. */
  random(): number
}

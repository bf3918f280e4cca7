/** The stages of the generated journeys, in order; each has a main and a side touchpoint. */
export const journeyStages = ['awareness', 'consideration', 'purchase', 'delivery', 'retention', 'advocacy'] as const
export const journeyTouchpoints = journeyStages.flatMap((stage) => [`${stage}-main`, `${stage}-side`])

/** The funnel the bench counts: the awareness stage (both touchpoints), then each later stage's main touchpoint. */
export const benchSteps = ['stage:awareness', ...journeyStages.slice(1).map((stage) => `touchpoint:${stage}-main`)]
export const benchWindow = '14d'
export const benchWindowMs = 14 * 86_400_000

const day = 86_400_000
const yearStart = Date.parse('2025-01-01T00:00:00.000Z')

/** A generated event, as the loaders write it. */
export interface GeneratedEvent {
  customer: number
  touchpoint: string
  ms: number
}

/** A small, fast, seeded generator (mulberry32): the same journeys on every run and dialect. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * The events of `customers` customers, ten per customer on average (pairs of customers have 10 + d and
 * 10 − d events, so the total is exactly ten times the customers), customer by customer. Each journey
 * starts at a random time of 2025 and mostly moves forward through the stages, with a step back to any
 * touchpoint now and then (out-of-order arrival), repeats, some customers entering mid-funnel, and about
 * a day between events, so a 14-day window cuts some journeys short.
 */
export function* generateJourneys(customers: number, seed = 42): Generator<GeneratedEvent> {
  const next = random(seed)
  let spread = 0
  for (let customer = 0; customer < customers; customer++) {
    if (customer % 2 === 0) spread = Math.floor(next() * 6)
    const count = customer % 2 === 0 ? 10 + spread : 10 - spread
    let stage = next() < 0.1 ? 1 + Math.floor(next() * 2) : 0
    let ms = yearStart + Math.floor(next() * 365 * day)
    for (let event = 0; event < count; event++) {
      const roll = next()
      let touchpoint: string
      if (roll < 0.08) {
        touchpoint = journeyTouchpoints[Math.floor(next() * journeyTouchpoints.length)]!
      } else {
        if (event > 0 && roll < 0.45 && stage < journeyStages.length - 1) stage++
        touchpoint = `${journeyStages[stage]}-${next() < 0.75 ? 'main' : 'side'}`
      }
      yield { customer, touchpoint, ms }
      // Exponential gaps, mean 1.2 days, in whole seconds; sometimes two events share an instant.
      ms += next() < 0.03 ? 0 : Math.round(-Math.log(1 - next()) * 1.2 * 86_400) * 1000
    }
  }
}

/** A customer's id in the bench database. */
export const customerId = (customer: number) => `c${String(customer).padStart(9, '0')}`

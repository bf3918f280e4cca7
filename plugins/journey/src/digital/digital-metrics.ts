import { bounceRateMetric } from './bounce-rate.js'
import { exitRateMetric } from './exit-rate.js'
import { returningCustomersMetric } from './returning-customers.js'
import { sessionDurationMetric } from './session-duration.js'

/** The web-analytics metrics over journey events that carry a session id. */
export const digitalMetrics = [bounceRateMetric, exitRateMetric, returningCustomersMetric, sessionDurationMetric]

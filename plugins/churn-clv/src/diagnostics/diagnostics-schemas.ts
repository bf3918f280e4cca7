import { z } from 'zod'
import { clvModelSchema, clvUnitSchema } from '../clv/clv-schemas.js'

/** Actual against expected customers per number of calibration-period repeat purchases. */
export const repeatHistogramSchema = z.object({
  customers: z.number().int(),
  bars: z.array(
    z.object({
      repeats: z.number().int(),
      orMore: z.boolean(),
      actual: z.number().int(),
      expected: z.number().nullable(),
    }),
  ),
})

/** Repeat purchases per period and cumulative, actual against expected, calibration then holdout. */
export const repeatTrackingSchema = z.object({
  unitsPerPeriod: z.number().int(),
  calibrationEnd: z.number(),
  periods: z.array(
    z.object({
      from: z.string(),
      t: z.number(),
      actual: z.number().int(),
      expected: z.number(),
      cumulativeActual: z.number().int(),
      cumulativeExpected: z.number(),
      holdout: z.boolean(),
    }),
  ),
})

/** `GET /clv/diagnostics`: how well a fit describes the purchases it was fitted on and those after. */
export const clvDiagnosticsSchema = z.object({
  fitId: z.string(),
  model: clvModelSchema,
  unit: clvUnitSchema,
  /** The calibration end, YYYY-MM-DD: purchases after it are the holdout. */
  until: z.string(),
  customers: z.number().int(),
  repeatCustomers: z.number().int(),
  histogram: repeatHistogramSchema,
  tracking: repeatTrackingSchema,
})
export type ClvDiagnostics = z.infer<typeof clvDiagnosticsSchema>

/** `GET /clv/distribution`: the latest fit's CLV scores. */
export const clvDistributionSchema = z.object({
  fitId: z.string().nullable(),
  currency: z.string(),
  horizon: z.number().nullable(),
  unit: clvUnitSchema.nullable(),
  customers: z.number().int(),
  mean: z.number().nullable(),
  median: z.number().nullable(),
  total: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  bins: z.array(z.object({ from: z.number(), to: z.number(), customers: z.number().int() })),
})
export type ClvDistributionResponse = z.infer<typeof clvDistributionSchema>

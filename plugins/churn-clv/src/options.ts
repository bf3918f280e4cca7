import { z } from 'zod'

/** The plugin's options. */
export const churnClvOptionsSchema = z
  .object({
    /**
     * The one currency of every amount in the workspace (ISO 4217). Transactions carry none of their
     * own: sums and CLV over mixed currencies would mean nothing, so convert before importing.
     */
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code in capitals, such as EUR')
      .default('EUR'),
  })
  .strict()
export type ChurnClvOptions = z.output<typeof churnClvOptionsSchema>

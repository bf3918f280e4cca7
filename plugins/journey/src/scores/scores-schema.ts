import { z } from 'zod'

const localized = z.object({ en: z.string() }).catchall(z.string())
const interval = z.object({ lower: z.number(), upper: z.number(), level: z.number() }).nullable()

/** A value with its sample size and 95 % interval; value null when n is 0. */
export const scoreCellSchema = z.object({ value: z.number().nullable(), n: z.number().int(), interval })
export type ScoreCell = z.infer<typeof scoreCellSchema>

/** The metric a table of scores shows, as the registry describes it. */
export const scoredMetricSchema = z.object({
  id: z.string(),
  plugin: z.string(),
  label: localized,
  unit: z.enum(['ratio', 'score', 'count', 'currency', 'duration']),
  direction: z.enum(['higher-is-better', 'lower-is-better', 'neutral']),
})
export type ScoredMetric = z.infer<typeof scoredMetricSchema>

/**
 * Scores per stage and touchpoint, ready for a heatmap: `stages` are the columns in the workspace's
 * order, `touchpoints` the rows (by stage, then name), each in its own stage's column. Every touchpoint
 * of the workspace is a row, those without answers with n = 0.
 */
export const touchpointScoresSchema = z.object({
  workspace: z.string(),
  period: z.object({ from: z.string(), to: z.string() }),
  /** The filters applied, as asked (`{ segment: 'smb' }`). */
  filters: z.record(z.string(), z.string()),
  metric: scoredMetricSchema,
  overall: scoreCellSchema,
  stages: z.array(scoreCellSchema.extend({ id: z.string(), label: localized, position: z.number().int() })),
  touchpoints: z.array(
    scoreCellSchema.extend({
      id: z.string(),
      name: z.string(),
      /** null for answers that name a touchpoint the workspace no longer has. */
      stageId: z.string().nullable(),
      channel: z.string().nullable(),
    }),
  ),
  /** Answers given without a touchpoint: in the overall figure, in no row. */
  withoutTouchpoint: scoreCellSchema,
})
export type TouchpointScores = z.infer<typeof touchpointScoresSchema>

/** One metric's verdict on one touchpoint: how far below the workspace it surely is. */
export const painFindingSchema = scoreCellSchema.extend({
  metric: scoredMetricSchema,
  /** The metric over the whole workspace and period: what the touchpoint is compared with. */
  workspaceValue: z.number(),
  /** The shortfall from the workspace value that the 95 % interval still allows at its kindest, in the metric's unit. */
  shortfall: z.number(),
  /** `shortfall` in standard deviations of one answer across the workspace: comparable between metrics. */
  standardShortfall: z.number(),
  /** standardShortfall × customers passing: the ranking score. */
  impact: z.number(),
})
export type PainFinding = z.infer<typeof painFindingSchema>

/** A touchpoint on the pain-point list, with what puts it there. */
export const painPointSchema = z.object({
  rank: z.number().int(),
  touchpointId: z.string(),
  name: z.string(),
  stageId: z.string().nullable(),
  /** Customers passing: distinct customers with journey events there, else the answers' count. */
  reach: z.object({ customers: z.number().int(), source: z.enum(['events', 'answers']) }),
  /** The largest impact of its findings. */
  impact: z.number(),
  /** Each metric that finds the touchpoint short, worst first. */
  findings: z.array(painFindingSchema),
  /** The worst finding in words, per locale. */
  explanation: localized,
})
export type PainPoint = z.infer<typeof painPointSchema>

export const painPointsSchema = z.object({
  workspace: z.string(),
  period: z.object({ from: z.string(), to: z.string() }),
  /** The metrics considered, with the workspace value each touchpoint was compared with. */
  metrics: z.array(scoredMetricSchema.extend({ workspaceValue: z.number().nullable(), n: z.number().int() })),
  items: z.array(painPointSchema),
  /**
   * Touchpoints below the workspace value whose interval still reaches it: too few answers to call them
   * a pain point yet. Listed so that they are looked at, never ranked.
   */
  unsure: z.array(scoreCellSchema.extend({ touchpointId: z.string(), metric: z.string(), workspaceValue: z.number() })),
})
export type PainPoints = z.infer<typeof painPointsSchema>

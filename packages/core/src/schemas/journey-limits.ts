/**
 * How many stages and touchpoints one workspace may have. Lists of them are read and sent whole (the
 * API, the journey map), so they are bounded; a journey with more stages than this is no longer a map.
 */
export const journeyLimits = { stages: 50, touchpoints: 500 } as const

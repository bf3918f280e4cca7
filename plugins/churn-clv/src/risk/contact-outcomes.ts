// No zod and no @cxkit/core here: the dashboard imports this, and those would put code that probes for
// `eval` (refused by the dashboard's Content Security Policy) into its bundle.

/** What a contact ended in. */
export const contactOutcomes = ['reached', 'no-answer', 'retained', 'lost'] as const

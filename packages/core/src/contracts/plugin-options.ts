import type { z } from 'zod'

/** A plugin's parsed options: the output of its `optionsSchema`, or undefined for a plugin without options. */
export type OptionsOf<TOptionsSchema> = TOptionsSchema extends z.ZodType ? z.output<TOptionsSchema> : undefined

/**
 * The arguments of a plugin factory: none for a plugin without options; the schema's input otherwise,
 * optional when every option has a default.
 */
export type PluginFactoryArgs<TOptionsSchema> = TOptionsSchema extends z.ZodType
  ? // biome-ignore lint/complexity/noBannedTypes: `{}` asks whether an empty object is valid input
    {} extends z.input<TOptionsSchema>
    ? [options?: z.input<TOptionsSchema>]
    : [options: z.input<TOptionsSchema>]
  : []

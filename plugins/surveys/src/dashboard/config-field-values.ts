import type { ConfigField } from '../question-type-parts.js'

type SelectField = Extract<ConfigField, { kind: 'select' }>
type NumberField = Extract<ConfigField, { kind: 'number' }>

/**
 * The option a select field shows: the config's value, else the type's default, else the first option.
 *
 * @example
 * selectedOption(scaleField, {}, { scale: 10 }).value // 10
 */
export function selectedOption(
  field: SelectField,
  config: Readonly<Record<string, unknown>>,
  defaults: Readonly<Record<string, unknown>> = {},
): SelectField['options'][number] | undefined {
  const current = config[field.key] ?? defaults[field.key]
  return field.options.find((option) => option.value === current) ?? field.options[0]
}

/**
 * The config after a select field changed: the option's own value (a number stays a number), found
 * by the text the `<select>` reports.
 *
 * @example
 * withSelected(scaleField, { scale: 5 }, '10') // { scale: 10 }
 */
export function withSelected(
  field: SelectField,
  config: Readonly<Record<string, unknown>>,
  chosen: string,
): Record<string, unknown> {
  const option = field.options.find((candidate) => String(candidate.value) === chosen)
  return option ? { ...config, [field.key]: option.value } : { ...config }
}

/**
 * The config after a number field was typed in: a number, or no value when the field was emptied
 * (the type's default then applies on the server). What is not a number is left for the server's
 * checks to name, as typed.
 *
 * @example
 * withNumber(maxLengthField, {}, '500') // { maxLength: 500 }
 */
export function withNumber(
  field: NumberField,
  config: Readonly<Record<string, unknown>>,
  typed: string,
): Record<string, unknown> {
  const { [field.key]: _previous, ...rest } = config
  if (typed.trim() === '') return rest
  const value = Number(typed)
  return { ...rest, [field.key]: Number.isFinite(value) ? value : typed }
}

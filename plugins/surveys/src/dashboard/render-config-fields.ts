import { html, type TemplateResult } from 'lit'
import type { ConfigField } from '../question-type-parts.js'
import { selectedOption, withNumber, withSelected } from './config-field-values.js'
import { labelIn } from './label-in.js'
import { reasonLines, withReasonLines } from './reason-options.js'

type Config = Readonly<Record<string, unknown>>

/** What the builder hands the config editor of one question. */
export interface ConfigEditor {
  /** The fields the question's type contributes, in order. */
  fields: readonly ConfigField[]
  config: Config
  /** The type's default config: what a field shows while the question's config has no value for it. */
  defaults: Config
  /** The survey's languages: a reasons list gets a textarea per language. */
  surveyLocales: readonly string[]
  locale: string
  /** Receives how to change the question's config, applied to its newest config. */
  onChange(update: (config: Config) => Record<string, unknown>): void
}

const typedValue = (event: Event) => (event.target as HTMLInputElement).value

/**
 * The config editor a question type describes, as form fields: a number input, a select, or a
 * textarea of reasons per survey language. Each is named after its config key (`scale`, `options-nl`).
 *
 * @example
 * html`${renderConfigFields({ fields, config, defaults, surveyLocales: ['en'], locale: 'en', onChange })}`
 */
export function renderConfigFields(editor: ConfigEditor): TemplateResult[] {
  const { config, defaults, locale, onChange } = editor
  return editor.fields.flatMap((field) => {
    const label = labelIn(field.label, locale)
    if (field.kind === 'reasons-list')
      return editor.surveyLocales.map(
        (language) =>
          html`<label>${label} (${language})<textarea name="${field.key}-${language}" .value=${reasonLines(config, language, field.key)} @input=${(
            e: Event,
          ) =>
            onChange((current) => withReasonLines(current, language, typedValue(e), field.key))}></textarea></label>`,
      )
    if (field.kind === 'select') {
      const selected = selectedOption(field, config, defaults)
      return [
        html`<label>${label}<select name=${field.key} @change=${(e: Event) => onChange((current) => withSelected(field, current, typedValue(e)))}>
            ${field.options.map((option) => html`<option value=${String(option.value)} ?selected=${option === selected}>${labelIn(option.label, locale)}</option>`)}
          </select></label>`,
      ]
    }
    return [
      html`<label>${label}<input type="number" name=${field.key} min=${field.min ?? ''} max=${field.max ?? ''} .value=${String(config[field.key] ?? defaults[field.key] ?? '')} @input=${(
        e: Event,
      ) => onChange((current) => withNumber(field, current, typedValue(e)))}></label>`,
    ]
  })
}

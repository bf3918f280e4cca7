import type { Translator } from '@cxkit/ui'
import { html } from 'lit'

/** How the file writes numbers and dates, and what to do with bad rows. */
export interface ImportSettings {
  locale: 'en' | 'nl'
  dateOrder: 'dmy' | 'mdy' | 'ymd'
  onError: 'abort' | 'skip'
}

const choices = {
  locale: ['en', 'nl'],
  dateOrder: ['dmy', 'mdy', 'ymd'],
  onError: ['abort', 'skip'],
} as const

/** Three selects for the import's settings; `change` gets the new settings whole. */
export function renderImportSettings(
  i18n: Translator,
  settings: ImportSettings,
  change: (next: ImportSettings) => void,
) {
  const select = <K extends keyof ImportSettings>(key: K) =>
    html`<label>${i18n.t(`crm-import:${key}`)}
      <select name=${key} @change=${(e: Event) => change({ ...settings, [key]: (e.target as HTMLSelectElement).value })}>
        ${choices[key].map(
          (value) =>
            html`<option value=${value} ?selected=${settings[key] === value}>${i18n.t(`crm-import:${key}.${value}`)}</option>`,
        )}
      </select></label>`
  return html`<p>${select('locale')} ${select('dateOrder')} ${select('onError')}</p>`
}

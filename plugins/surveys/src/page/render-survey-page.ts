import { html, raw } from 'hono/html'
import type { QuestionRegistry } from '../question-registry.js'
import type { QuestionInput } from '../question-type.js'
import type { StoredSurvey } from '../surveys-repository.js'
import { type PageLocale, pageTexts } from './page-texts.js'

const styles = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1b1f2a;background:#f5f7fb}
main{max-width:640px;margin:0 auto;padding:24px 16px 48px}h1{font-size:1.3rem;margin:0 0 24px}
fieldset{border:0;margin:0 0 28px;padding:0}legend{font-weight:600;margin-bottom:10px;padding:0}
.scale{display:flex;flex-wrap:wrap;gap:6px}.scale label{position:relative}
.scale input{position:absolute;opacity:0;inset:0}.scale span{display:inline-flex;min-width:44px;min-height:44px;align-items:center;justify-content:center;border:1px solid #c5ccd8;border-radius:8px;background:#fff;cursor:pointer}
.scale input:checked+span{background:#1f5eff;color:#fff;border-color:#1f5eff}.scale input:focus-visible+span{outline:3px solid #1f5eff66;outline-offset:2px}
.ends{display:flex;justify-content:space-between;font-size:.8rem;color:#5b6475;margin-top:4px}
textarea{width:100%;min-height:96px;font:inherit;padding:8px;border:1px solid #c5ccd8;border-radius:8px}
.choice{display:block;padding:6px 0}.error{color:#c0392b;font-size:.9rem;margin:6px 0 0}.summary{border:1px solid #c0392b;border-radius:8px;padding:10px 12px;color:#c0392b;margin-bottom:20px}
button{font:inherit;font-weight:600;padding:12px 28px;border:0;border-radius:8px;background:#1f5eff;color:#fff;cursor:pointer}
.muted{color:#5b6475;font-weight:400}`

/** Wraps page content in the document: language, viewport, styles. */
export function layout(locale: PageLocale, title: string, body: unknown) {
  return html`<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><style>${raw(styles)}</style></head>
<body><main>${body}</main></body>
</html>`
}

function renderInput(
  questionId: string,
  input: QuestionInput,
  locale: PageLocale,
  previous: unknown,
  describedBy: string,
) {
  const name = `q.${questionId}`
  switch (input.kind) {
    case 'scale': {
      const values = Array.from({ length: input.max - input.min + 1 }, (_, i) => input.min + i)
      return html`<div class="scale" role="radiogroup" aria-describedby="${describedBy}">
          ${values.map((value) => html`<label><input type="radio" name="${name}" value="${value}" ${String(previous) === String(value) ? 'checked' : ''}><span>${value}</span></label>`)}
        </div>
        ${input.lowLabel ? html`<div class="ends" aria-hidden="true"><span>${input.lowLabel[locale] ?? input.lowLabel.en}</span><span>${input.highLabel?.[locale] ?? input.highLabel?.en ?? ''}</span></div>` : ''}`
    }
    case 'text':
      return html`<textarea name="${name}" maxlength="${input.maxLength}" aria-describedby="${describedBy}">${typeof previous === 'string' ? previous : ''}</textarea>`
    case 'choices': {
      const chosen = Array.isArray(previous) ? previous : []
      return input.options.map(
        (option) =>
          html`<label class="choice"><input type="${input.multiple ? 'checkbox' : 'radio'}" name="${name}" value="${option.id}" ${chosen.includes(option.id) ? 'checked' : ''}> ${option.label[locale] ?? option.label.en ?? option.id}</label>`,
      )
    }
  }
}

/**
 * The public survey page: one plain HTML form, no script, readable on a phone and by a screen reader.
 * `errors` (by question id) and `previous` answers re-render the form after a failed submit.
 */
export function renderSurveyPage(options: {
  survey: StoredSurvey
  registry: QuestionRegistry
  locale: PageLocale
  action: string
  nonce: string
  /** Hidden fields that carry a personal link's customer and signature through the form. */
  hidden?: Record<string, string>
  errors?: Map<string, string>
  previous?: Map<string, unknown>
}) {
  const { survey, registry, locale, errors = new Map(), previous = new Map() } = options
  const texts = pageTexts[locale]
  const body = html`<h1>${survey.name}</h1>
    ${errors.size > 0 ? html`<p class="summary" role="alert">${texts.fixErrors}</p>` : ''}
    <form method="post" action="${options.action}">
      <input type="hidden" name="nonce" value="${options.nonce}">
      <input type="hidden" name="lang" value="${locale}">
      ${Object.entries(options.hidden ?? {}).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`)}
      ${survey.questions.map((question) => {
        const type = registry.get(question.type)
        if (!type) return ''
        const error = errors.get(question.id)
        const hint = `hint-${question.id}`
        return html`<fieldset>
          <legend>${question.text[locale] ?? question.text.en} ${question.required ? '' : html`<span class="muted">${texts.optional}</span>`}</legend>
          ${renderInput(question.id, type.input(question.config), locale, previous.get(question.id), hint)}
          <p class="error" id="${hint}">${error ?? ''}</p>
        </fieldset>`
      })}
      <button type="submit">${texts.submit}</button>
    </form>`
  return layout(locale, survey.name, body)
}

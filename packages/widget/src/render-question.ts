import type { PublicQuestion } from './survey-types.js'

type Answer = number | string | string[] | undefined

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, unknown> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node: HTMLElementTagNameMap[K] = document.createElement(tag)
  Object.assign(node, props)
  node.append(...children)
  return node
}

/**
 * One question as a fieldset. Scales are a radio group of buttons (arrow keys move, as ARIA asks);
 * text never goes through innerHTML, so survey texts cannot inject markup.
 */
export function renderQuestion(
  question: PublicQuestion,
  locale: string,
  optionalLabel: string,
  onAnswer: (value: Answer) => void,
): HTMLFieldSetElement {
  const label = (text: Record<string, string> | undefined) => (text ? (text[locale] ?? text.en ?? '') : '')
  const legend = element('legend', {}, label(question.text))
  if (!question.required) legend.append(' ', element('span', { className: 'muted' }, optionalLabel))
  const error = element('p', { className: 'error', id: `cx-error-${question.id}` })
  const fieldset = element('fieldset', {}, legend)
  const input = question.input
  if (input?.kind === 'scale') {
    const group = element('div', { className: 'scale' })
    group.setAttribute('role', 'radiogroup')
    group.setAttribute('aria-describedby', error.id)
    const buttons: HTMLButtonElement[] = []
    for (let value = input.min; value <= input.max; value++) {
      const button = element('button', { type: 'button', textContent: String(value) })
      button.setAttribute('role', 'radio')
      button.setAttribute('aria-checked', 'false')
      button.tabIndex = value === input.min ? 0 : -1
      button.addEventListener('click', () => {
        for (const other of buttons) {
          other.setAttribute('aria-checked', String(other === button))
          other.tabIndex = other === button ? 0 : -1
        }
        onAnswer(value)
      })
      button.addEventListener('keydown', (event) => {
        const step =
          event.key === 'ArrowRight' || event.key === 'ArrowDown'
            ? 1
            : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
              ? -1
              : 0
        const next = buttons[buttons.indexOf(button) + step]
        if (step && next) {
          event.preventDefault()
          next.focus()
          next.click()
        }
      })
      buttons.push(button)
      group.append(button)
    }
    fieldset.append(group)
    if (input.lowLabel)
      fieldset.append(
        element(
          'div',
          { className: 'ends' },
          element('span', {}, label(input.lowLabel)),
          element('span', {}, label(input.highLabel)),
        ),
      )
  } else if (input?.kind === 'text') {
    const area = element('textarea', { maxLength: input.maxLength })
    area.setAttribute('aria-describedby', error.id)
    area.addEventListener('input', () => onAnswer(area.value.trim() ? area.value : undefined))
    fieldset.append(area)
  } else if (input?.kind === 'choices') {
    const chosen = new Set<string>()
    for (const option of input.options) {
      const box = element('input', { type: input.multiple ? 'checkbox' : 'radio', name: question.id, value: option.id })
      box.addEventListener('change', () => {
        if (!input.multiple) chosen.clear()
        if (box.checked) chosen.add(option.id)
        else chosen.delete(option.id)
        onAnswer(chosen.size ? [...chosen] : undefined)
      })
      fieldset.append(element('label', {}, box, ' ', label(option.label)))
    }
  }
  fieldset.append(error)
  return fieldset
}

/**
 * The element that has focus, looking inside shadow roots: what a dialog gives focus back to when it
 * closes (`document.activeElement` only names the outermost custom element).
 *
 * @example
 * const opener = focusedElement(); dialog.showModal(); dialog.addEventListener('close', () => opener?.focus())
 */
export function focusedElement(): HTMLElement | null {
  let element = document.activeElement
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement
  return element instanceof HTMLElement ? element : null
}

import { noChange } from 'lit'
import { Directive, directive, type ElementPart, type PartInfo, PartType } from 'lit/directive.js'

type Styles = Readonly<Record<string, string>>

class ElementStylesDirective extends Directive {
  constructor(partInfo: PartInfo) {
    super(partInfo)
    if (partInfo.type !== PartType.ELEMENT)
      throw new Error('elementStyles() goes on an element, not in an attribute or text')
  }

  render(_styles: Styles) {
    return noChange
  }

  override update(part: ElementPart, [styles]: [Styles]) {
    const { style } = part.element as HTMLElement
    for (const [property, value] of Object.entries(styles)) style.setProperty(property, value)
    return noChange
  }
}

/**
 * Sets computed styles (a bar's width, its colour) through the element's `style` object. Unlike a `style`
 * attribute, or lit's `styleMap` on first render, this is allowed by the dashboard's Content-Security-Policy,
 * which refuses inline style attributes.
 *
 * @example
 * html`<div ${elementStyles({ width: `${share * 100}%`, background: colour })}></div>`
 */
export const elementStyles = directive(ElementStylesDirective)

import { renderQuestion } from '@cxkit/widget/render-question'
import type { PublicQuestion } from '@cxkit/widget/survey-types'
import { LitElement, css } from 'lit'
import { customElement, property } from 'lit/decorators.js'

/** The questions as respondents will see them, drawn by the widget's own renderer. */
@customElement('cx-survey-preview')
export class CxSurveyPreview extends LitElement {
  static override styles = css`
    :host { display: block; border: 1px dashed #c5ccd8; border-radius: 10px; padding: 14px; background: #fff; }
    fieldset { border: 0; margin: 0 0 14px; padding: 0; } legend { font-weight: 600; margin-bottom: 6px; padding: 0; }
    .scale { display: flex; flex-wrap: wrap; gap: 4px; } .scale button { min-width: 32px; min-height: 32px; border: 1px solid #c5ccd8; border-radius: 6px; background: #fff; }
    .ends { display: flex; justify-content: space-between; font-size: .8em; color: #5b6475; } textarea { width: 100%; min-height: 50px; box-sizing: border-box; }
    label { display: block; } .muted { color: #5b6475; font-weight: 400; }
  `

  @property({ attribute: false }) accessor questions: PublicQuestion[] = []
  @property() accessor locale = 'en'

  override render() {
    return this.questions.map((question) =>
      renderQuestion(question, this.locale, this.locale === 'nl' ? '(optioneel)' : '(optional)', () => {}),
    )
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-survey-preview': CxSurveyPreview
  }
}

import { CxDashboardElement, themeStyles } from '@cxkit/ui'
import { css, html } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import { builderTexts } from './builder-texts.js'
import type { ListedSurvey } from './draft-survey.js'
import './cx-survey-builder.js'
import './cx-survey-list.js'

/**
 * The Surveys page: the list of the workspace's surveys, or the builder for the one being edited
 * (a new one, or one picked from the list). Saving or cancelling goes back to the list.
 */
@customElement('cx-surveys-page')
export class CxSurveysPage extends CxDashboardElement {
  static override styles = [themeStyles, css`h1 { font-size: 1.4rem; margin: 0 0 16px; }`]

  /** What the builder edits: a saved survey, or null for a new one; no builder while undefined. */
  @state() private accessor editing: ListedSurvey | null | undefined = undefined
  @state() private accessor notice = ''

  private get texts() {
    return builderTexts[this.locale === 'nl' ? 'nl' : 'en']
  }

  private edit(survey: ListedSurvey | null) {
    this.editing = survey
    this.notice = ''
  }

  private close(notice: string) {
    this.editing = undefined
    this.notice = notice
  }

  override render() {
    const body =
      this.editing === undefined
        ? html`<cx-survey-list notice=${this.notice}
            @survey-edit=${(e: CustomEvent<ListedSurvey | null>) => this.edit(e.detail)}></cx-survey-list>`
        : html`<cx-survey-builder .survey=${this.editing}
            @survey-saved=${() => this.close(this.texts.saved)} @survey-cancelled=${() => this.close('')}></cx-survey-builder>`
    return html`<h1>${this.texts.heading}</h1>${body}`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-surveys-page': CxSurveysPage
  }
}

import type { Translator } from '@cxkit/ui'
import type { Task } from '@lit/task'
import { css, html, nothing, type TemplateResult } from 'lit'
import { describeFailure } from '../journey-api.js'

/** The frame's look: a bordered section whose heading and close button share a line. */
export const drillDownStyles = css`
  section { border: 1px solid var(--_border); border-radius: var(--_radius, 8px); padding: 10px 14px; }
  header { display: flex; justify-content: space-between; align-items: center; gap: 12px; }
  h2 { font-size: 1.05rem; margin: 0; }
`

/** What a drill-down list shows; `kind` and `id` become `data-` attributes on the section when given. */
export interface DrillDown<Page> {
  headingId: string
  heading: string
  rows: Task<readonly unknown[], Page | null>
  list: (page: Page) => TemplateResult
  onClose: () => void
  kind?: string | undefined
  id?: string | undefined
}

/**
 * The frame of a list the reader opens from a figure (who answered, who passed a touchpoint): a heading
 * that takes focus, a close button, and the list once loaded, with a loading note or the failure meanwhile.
 */
export function renderDrillDown<Page>(i18n: Translator, drillDown: DrillDown<Page>) {
  return html`<section aria-labelledby=${drillDown.headingId} data-kind=${drillDown.kind ?? nothing} data-id=${drillDown.id ?? nothing}>
      <header>
        <h2 id=${drillDown.headingId} tabindex="-1">${drillDown.heading}</h2>
        <button type="button" @click=${drillDown.onClose}>${i18n.t('journey:links.close')}</button>
      </header>
      ${drillDown.rows.render({
        pending: () => html`<p class="muted">${i18n.t('panel.loading')}</p>`,
        complete: (page) => (page ? drillDown.list(page) : nothing),
        error: (error) =>
          html`<p class="errors" role="alert">${i18n.t('journey:failed', { message: describeFailure(error) })}</p>`,
      })}
    </section>`
}

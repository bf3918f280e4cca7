import { property } from 'lit/decorators.js'
import { CxDashboardElement, type DashboardPeriod } from './cx-dashboard-element.js'

export type { DashboardPeriod }

/**
 * The base class of every plugin panel: a {@link CxDashboardElement} (workspace, period, locale and API client
 * from the shell's context, or set as properties) with the title the registry gives it. The dashboard sets
 * the panel's `props` from the registry; a panel renders from those and nothing global.
 *
 * @example
 * class CxNpsPanel extends CxPanel { override render() { return html`…${this.t('metric.n', { n })}` } }
 */
export class CxPanel extends CxDashboardElement {
  /** The title from the registry, in the current locale. */
  @property() accessor heading = ''

  /** True once the dashboard has said which workspace and period to show. */
  protected get ready(): boolean {
    return Boolean(this.workspace && this.period.from && this.period.to)
  }
}

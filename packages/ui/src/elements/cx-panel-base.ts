import { consume } from '@lit/context'
import { LitElement } from 'lit'
import { property } from 'lit/decorators.js'
import { type ApiClient, createApiClient } from '../api/api-client.js'
import {
  apiContext,
  type DashboardPeriod,
  localeContext,
  periodContext,
  workspaceContext,
} from '../context/dashboard-context.js'
import { createTranslator, type Translator } from '../i18n/translator.js'
import { themeStyles } from './theme.js'

export type { DashboardPeriod }

/**
 * The base class of every plugin panel. Inside the dashboard, `workspace`, `period`, `locale` and `api`
 * come from the shell's context (see `workspaceContext` and the others); a panel mounted on its own
 * (a test, another page) takes them as properties instead. The dashboard sets the panel's `props` from
 * the registry; a panel renders from those and nothing global.
 *
 * @example
 * class CxNpsPanel extends CxPanel { override render() { return html`…${this.t('metric.n', { n })}` } }
 */
export class CxPanel extends LitElement {
  static override styles = [themeStyles]

  @consume({ context: workspaceContext, subscribe: true })
  @property()
  accessor workspace = ''
  @consume({ context: periodContext, subscribe: true })
  @property({ attribute: false })
  accessor period: DashboardPeriod = { from: '', to: '' }
  @consume({ context: localeContext, subscribe: true })
  @property()
  accessor locale = 'en'
  @consume({ context: apiContext, subscribe: true })
  @property({ attribute: false })
  accessor api: ApiClient = createApiClient()
  /** The title from the registry, in the current locale. */
  @property() accessor heading = ''

  protected get i18n(): Translator {
    return createTranslator(this.locale)
  }

  /** Shorthand for `this.i18n.t`. */
  protected t(...args: Parameters<Translator['t']>): string {
    return this.i18n.t(...args)
  }

  /** True once the dashboard has said which workspace and period to show. */
  protected get ready(): boolean {
    return Boolean(this.workspace && this.period.from && this.period.to)
  }
}

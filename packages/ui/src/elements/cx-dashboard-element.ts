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
 * The base class of every element a plugin shows in the dashboard, panel or page. Inside the dashboard,
 * `workspace`, `period`, `locale` and `api` come from the shell's context (see `workspaceContext` and the
 * others); an element mounted on its own (a test, another page) takes them as properties instead.
 *
 * @example
 * class CxTicketsPage extends CxDashboardElement { override render() { return html`${this.t('panel.loading')}` } }
 */
export class CxDashboardElement extends LitElement {
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

  protected get i18n(): Translator {
    return createTranslator(this.locale)
  }

  /** Shorthand for `this.i18n.t`. */
  protected t(...args: Parameters<Translator['t']>): string {
    return this.i18n.t(...args)
  }
}

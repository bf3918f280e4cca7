import { LitElement } from 'lit'
import { property } from 'lit/decorators.js'
import { type ApiClient, createApiClient } from '../api/api-client.js'
import { createTranslator, type Translator } from '../i18n/translator.js'
import { themeStyles } from './theme.js'

/** The period a dashboard shows: half-open [from, to), ISO dates. */
export interface DashboardPeriod {
  from: string
  to: string
}

/**
 * The base class of every plugin panel. The dashboard sets `workspace`, `period`, `locale`, `api`
 * and the panel's `props` from the registry; a panel renders from those and nothing global.
 *
 * @example
 * class CxNpsPanel extends CxPanel { override render() { return html`…${this.t('metric.n', { n })}` } }
 */
export class CxPanel extends LitElement {
  static override styles = [themeStyles]

  @property() accessor workspace = ''
  @property({ attribute: false }) accessor period: DashboardPeriod = { from: '', to: '' }
  @property() accessor locale = 'en'
  @property({ attribute: false }) accessor api: ApiClient = createApiClient()
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

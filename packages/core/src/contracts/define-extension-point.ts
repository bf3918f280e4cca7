import { CxError } from '../errors/cx-error.js'

/**
 * A typed place where plugins hand things to another plugin: question types to the survey engine,
 * importers to the import machinery, event sources to the journey. The owner declares the point and
 * exports it; contributors import it and `contribute` items of its type; the owner reads them back
 * with `ctx.contributions(point)`, typed. A misspelt point is an unknown import, a wrong item a type
 * error: both fail to compile instead of being a surprise at run time.
 */
export interface ExtensionPoint<T> {
  /** Unique across the install: `<owner plugin id>.<what>`, e.g. `surveys.questionTypes`. */
  readonly id: string
  /** Type-only: carries `T` so contributions and reads are checked. Never set. */
  readonly __item?: (item: T) => T
}

/** Items contributed to one extension point. */
export interface Contribution<T = unknown> {
  readonly point: ExtensionPoint<T>
  readonly items: readonly T[]
}

const pointIdPattern = /^[a-z][a-z0-9-]*\.[a-zA-Z][a-zA-Z0-9-]*$/

/**
 * Declares an extension point (the model: Backstage's `createExtensionPoint<T>`).
 *
 * @example
 * export const questionTypesPoint = defineExtensionPoint<QuestionType<any>>('surveys.questionTypes')
 */
export function defineExtensionPoint<T>(id: string): ExtensionPoint<T> {
  if (!pointIdPattern.test(id)) {
    throw new CxError('CXKIT_PLUGIN_INVALID', `extension point '${id}' must be named '<plugin-id>.<what>'`)
  }
  return Object.freeze({ id })
}

/**
 * Contributes items to an extension point, checked against the point's item type.
 *
 * @example
 * definePlugin({ id: 'nps', version: '1.0.0', contributes: [contribute(questionTypesPoint, npsQuestionType)] })
 */
export function contribute<T>(point: ExtensionPoint<T>, ...items: NoInfer<T>[]): Contribution<T> {
  return Object.freeze({ point, items: Object.freeze([...items]) })
}

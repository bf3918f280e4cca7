import type { MetricBreakdownRow } from '@cxkit/core'
import { formatGroupKey } from './format-group-key.js'
import { createTranslator } from './translator.js'

/**
 * A breakdown row's group as a reader sees it: periods formatted as {@link formatGroupKey} does, and a
 * group without a value (null in `keys`) as "(no value)" / "(geen waarde)", never as a dimension
 * whose value is some text such as `(none)`.
 *
 * @example
 * formatBreakdownLabel({ key: '(no value)', keys: [null], value: 1, n: 3 }, 'segment', 'nl') // '(geen waarde)'
 */
export function formatBreakdownLabel(
  row: Pick<MetricBreakdownRow, 'key' | 'keys'>,
  groupBy: string | undefined,
  locale: string,
): string {
  if (!row.keys?.includes(null)) return formatGroupKey(row.key, groupBy, locale)
  const groupings = groupBy?.split(',') ?? []
  const noValue = createTranslator(locale).t('breakdown.noValue')
  return row.keys
    .map((key, index) => (key === null ? noValue : formatGroupKey(key, groupings[index], locale)))
    .join(' × ')
}

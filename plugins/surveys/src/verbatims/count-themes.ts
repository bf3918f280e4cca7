import { eng, nld, removeStopwords } from 'stopword'

/** Words too common in feedback to say anything, on top of the language's stop words. */
const feedbackNoise = new Set(['very', 'really', 'just', 'also', 'heel', 'erg', 'echt', 'wel', 'gewoon', 'ook'])
const stopWords = [...eng, ...nld]

/** A word or reason and how many answers mention it. */
export interface ThemeCount {
  id: string
  count: number
}

/**
 * The most frequent words across answers (each answer counts a word once), without English and
 * Dutch stop words, numbers or one- and two-letter words.
 *
 * @example
 * countWords(['Delivery was late', 'late again!']) // [{ id: 'late', count: 2 }, …]
 */
export function countWords(texts: readonly string[], limit = 30): ThemeCount[] {
  const counts = new Map<string, number>()
  for (const text of texts) {
    const tokens =
      text
        .toLocaleLowerCase()
        .normalize('NFC')
        .match(/\p{L}[\p{L}'’-]*/gu) ?? []
    const words = new Set(
      removeStopwords(tokens, stopWords).filter((word) => word.length > 2 && !feedbackNoise.has(word)),
    )
    for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1)
  }
  return top(counts, limit)
}

/** How often each known reason was picked. */
export function countReasons(choiceLists: readonly string[][], limit = 50): ThemeCount[] {
  const counts = new Map<string, number>()
  for (const choices of choiceLists)
    for (const choice of new Set(choices)) counts.set(choice, (counts.get(choice) ?? 0) + 1)
  return top(counts, limit)
}

function top(counts: Map<string, number>, limit: number): ThemeCount[] {
  return [...counts]
    .map(([id, count]) => ({ id, count }))
    .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id))
    .slice(0, limit)
}

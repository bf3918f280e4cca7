/** One option of a reasons question, as its config stores it: a stable id and a label per language. */
export interface ReasonOption {
  id: string
  label: Record<string, string>
}

const maxIdLength = 64

/** Where a reasons question keeps its options, unless its builder field names another key. */
const defaultKey = 'options'

function optionsOf(config: Readonly<Record<string, unknown>>, key: string): ReasonOption[] {
  const options = config[key]
  return Array.isArray(options) ? options : []
}

/**
 * The labels of a reasons question's options in one language, one per line: what the builder's
 * textarea for that language shows.
 *
 * @example
 * reasonLines({ options: [{ id: 'price', label: { en: 'Price', nl: 'Prijs' } }] }, 'nl') // 'Prijs'
 */
export function reasonLines(config: Readonly<Record<string, unknown>>, locale: string, key = defaultKey): string {
  return optionsOf(config, key)
    .map((option) => option.label[locale] ?? '')
    .join('\n')
}

function idBase(label: string): string {
  const base = label
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxIdLength - 4)
  return base || 'reason'
}

/** An id for a new option, from its label, that no other option has. */
function freshId(label: string, taken: Set<string>): string {
  const base = idBase(label)
  let id = base
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`
  taken.add(id)
  return id
}

/**
 * An option only this language names, whose id is made from that name, is one being typed: its id
 * follows the words (`d` → `delivery-time`), like a new option's would.
 */
function isBeingTyped(option: ReasonOption, locale: string): boolean {
  const languages = Object.keys(option.label)
  return languages.length === 1 && languages[0] === locale && option.id.startsWith(idBase(option.label[locale]!))
}

/**
 * The config after the builder's textarea for one language was edited. Only that language's labels
 * change: an option keeps its id and its labels in the other languages (the Dutch ones while English is
 * edited), so saving an edited survey loses no translation and answers already stored keep their meaning.
 * A line matches the option that already has that label (lines may move), else the option at the same
 * place whose label no line has any more (a reworded line), else it is a new option. Other config
 * (`multiple`) is kept.
 *
 * @example
 * withReasonLines(config, 'en', 'Price\nDelivery time') // Price keeps { nl: 'Prijs' }; Delivery time is new
 */
export function withReasonLines(
  config: Readonly<Record<string, unknown>>,
  locale: string,
  text: string,
  key = defaultKey,
): Record<string, unknown> {
  const previous = optionsOf(config, key)
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
  const matched: (ReasonOption | undefined)[] = lines.map(() => undefined)
  const used = new Set<ReasonOption>()
  lines.forEach((line, index) => {
    const same = previous.find((option) => !used.has(option) && option.label[locale] === line)
    if (same) {
      matched[index] = same
      used.add(same)
    }
  })
  lines.forEach((_, index) => {
    const inPlace = previous[index]
    if (!matched[index] && inPlace && !used.has(inPlace)) {
      matched[index] = inPlace
      used.add(inPlace)
    }
  })
  const taken = new Set(previous.filter((option) => used.has(option)).map((option) => option.id))
  const options = lines.map((line, index) => {
    const option = matched[index]
    if (!option || isBeingTyped(option, locale)) {
      if (option) taken.delete(option.id)
      return { id: freshId(line, taken), label: { ...option?.label, [locale]: line } }
    }
    return { ...option, label: { ...option.label, [locale]: line } }
  })
  return { ...config, [key]: options }
}

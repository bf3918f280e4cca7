/**
 * The separator of a CSV file, from its first record: whichever of `,` `;` and tab occurs most often
 * outside quotes (a header `"Name, first";Email` is `;`). Ties and none at all read as `,`.
 *
 * @example
 * detectSeparator('Naam;"Plaats, land";Bedrag\r\n') // ';'
 */
export function detectSeparator(head: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 }
  let quoted = false
  for (const char of head) {
    if (char === '"') quoted = !quoted
    else if (!quoted && (char === '\n' || char === '\r')) break
    else if (!quoted && (char === ',' || char === ';' || char === '\t')) counts[char] += 1
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';'
  if (counts['\t'] > counts[',']) return '\t'
  return ','
}

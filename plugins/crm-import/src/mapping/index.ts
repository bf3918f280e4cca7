export { attributeKey, normaliseName } from './normalise-name.js'
export { parseMapArguments } from './parse-map-arguments.js'
export { type ColumnMapping, suggestMapping } from './suggest-mapping.js'

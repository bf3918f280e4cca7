export { openSource } from './open-source.js'
export type {
  OpenedSource,
  ReadOptions,
  ReadProblemHandler,
  SourceEncoding,
  SourceFormat,
  SourceSeparator,
} from './opened-source.js'
export { readLimits } from './read-limits.js'

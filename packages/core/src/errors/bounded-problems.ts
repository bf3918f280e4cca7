/**
 * How many problems an error report lists. A batch of 10,000 responses can hold half a million
 * problems; nobody reads past the first hundred, and listing them all cost tens of megabytes.
 */
export const maxListedProblems = 100

/**
 * Problems collected up to {@link maxListedProblems}; past that only counted, so a bad batch of any size
 * keeps memory and the error document small.
 *
 * @example
 * const problems = new BoundedProblems<FieldProblem>()
 * problems.push({ field: 'body.name', code: 'too_big', message: '…' })
 * if (problems.count > 0) throw new CxValidationError(problems.listed, problems.count)
 */
export class BoundedProblems<T> {
  /** The first problems, at most `limit` of them. */
  readonly listed: T[] = []
  /** All problems pushed, listed or not. */
  count = 0

  constructor(readonly limit = maxListedProblems) {}

  push(problem: T): void {
    this.count++
    if (this.listed.length < this.limit) this.listed.push(problem)
  }

  /** True once no further problem would be listed: callers may skip building one and only {@link tally} it. */
  get full(): boolean {
    return this.listed.length >= this.limit
  }

  /** Counts a problem without building it. */
  tally(): void {
    this.count++
  }
}

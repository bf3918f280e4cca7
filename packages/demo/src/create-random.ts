import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64'
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus'

/** A seeded random source with the helpers demo generators need. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number
  pick<T>(items: readonly T[]): T
  /** Picks by weight: `weighted([['smb', 3], ['enterprise', 1]])`. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T
  chance(probability: number): boolean
}

/**
 * A reproducible random source: the same seed gives the same sequence on every machine.
 *
 * @example
 * const random = createRandom(42)
 * random.pick(['a', 'b']) // always the same letter for seed 42
 */
export function createRandom(seed: number): Random {
  const generator = xoroshiro128plus(seed)
  const next = () => uniformFloat64(generator)
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    weighted(entries) {
      const total = entries.reduce((sum, [, weight]) => sum + weight, 0)
      let roll = next() * total
      for (const [item, weight] of entries) {
        roll -= weight
        if (roll < 0) return item
      }
      return entries[entries.length - 1]![0]
    },
    chance: (probability) => next() < probability,
  }
}

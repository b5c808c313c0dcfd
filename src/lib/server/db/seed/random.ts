/**
 * A tiny deterministic PRNG (mulberry32) and helpers, so that two seeds run with the same `now`
 * produce byte-identical rows.
 */
export interface Random {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  pick<T>(list: readonly T[]): T;
  /** A shuffled copy. */
  shuffle<T>(list: readonly T[]): T[];
  /** `count` distinct elements (or all of them when the list is shorter). */
  sample<T>(list: readonly T[], count: number): T[];
  /** Float in [-amplitude, amplitude]. */
  jitter(amplitude: number): number;
}

export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const shuffle = <T>(list: readonly T[]): T[] => {
    const copy = list.slice();
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  };
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)],
    shuffle,
    sample: (list, count) => shuffle(list).slice(0, count),
    jitter: (amplitude) => (next() * 2 - 1) * amplitude
  };
}

/** Rounds a coordinate to 6 decimals (≈ 10 cm), enough for a map and stable in JSON. */
export function coord(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

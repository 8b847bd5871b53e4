/** A small seeded PRNG (mulberry32), so that every fuzz input can be rebuilt from `--seed` and its index. */

/** Mixes a run seed and an input index into one 32-bit seed (splitmix-style). */
export function mixSeed(seed: number, index: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (index + 0x85ebca6b), 0xc2b2ae35) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x27d4eb2f) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x165667b1) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** Deterministic random numbers from one 32-bit seed. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A uniform 32-bit unsigned integer. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** A float in [0, 1). */
  float(): number {
    return this.next() / 4294967296;
  }

  /** An integer in [0, max); 0 when max ≤ 0. */
  int(max: number): number {
    return max <= 0 ? 0 : Math.floor(this.float() * max);
  }

  /** An integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.float() < p;
  }

  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /**
   * A size in [1, max] skewed towards small values (log-uniform), so that most inputs stay small
   * and a few reach the extreme.
   */
  size(max: number): number {
    if (max <= 1) return 1;
    return Math.max(1, Math.min(max, Math.floor(Math.exp(this.float() * Math.log(max + 1)))));
  }
}

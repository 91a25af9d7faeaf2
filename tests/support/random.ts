// The one seeded PRNG of the tests and benchmarks (Mulberry32): the same seed gives the same sequence, so a
// generated page, redesign, document or log is the same on every run. Page code that is bundled (esbuild)
// imports it too; code passed to page.evaluate cannot import, and says so where it inlines it.

/** A generator of numbers in [0, 1). */
export type Rng = () => number;

/** Mulberry32 seeded with `seed` (a 32-bit integer). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

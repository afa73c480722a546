/**
 * Timing helpers without jest globals (worker bundles and the bench take this file in).
 */

/** The least time of `runs` runs of `fn`, in ms: other processes only ever add time. */
export function bestTime(fn: () => void, runs: number): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/** Small statistics used by the benchmarks: timing, medians, percentiles and growth-exponent fits. */

export const secondsSince = (t0: number): number => (performance.now() - t0) / 1000;

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Least-squares slope of log(time) over log(size): time ~ size^k. k near 1 is linear growth;
 * an all-pairs comparison would show k near 2.
 */
export function growthExponent(points: readonly { size: number; seconds: number }[]): number {
  const xs = points.map((p) => Math.log(p.size));
  const ys = points.map((p) => Math.log(Math.max(p.seconds, 1e-9)));
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return den === 0 ? Number.NaN : num / den;
}

/** Best of `repeats` runs: the least disturbed by other work on a noisy machine. */
export async function bestOf<T>(
  repeats: number,
  fn: () => T | Promise<T>,
): Promise<{ seconds: number; result: T }> {
  let best = Number.POSITIVE_INFINITY;
  let result: T | undefined;
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    result = await fn();
    best = Math.min(best, secondsSince(t0));
  }
  return { seconds: best, result: result as T };
}

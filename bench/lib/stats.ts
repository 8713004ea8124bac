/** Latency and size statistics: nearest-rank percentiles over the raw samples (no histograms). */

export interface Summary {
  n: number;
  min: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** The nearest-rank percentile `p` (0–100) of `sorted` (ascending). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((s, x) => s + x, 0);
  return {
    n: sorted.length,
    min: sorted[0] ?? Number.NaN,
    mean: sorted.length ? sum / sorted.length : Number.NaN,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/** Milliseconds since `start` (a `performance.now()` reading). */
export const since = (start: number) => performance.now() - start;

/**
 * Runs `step` up to `n` times, stopping early once `budgetMs` has passed (after at least `min`
 * runs), so that a slow figure cannot stall the run; the figure's n says how many it got.
 */
export async function repeat(n: number, budgetMs: number, step: (i: number) => Promise<void>, min = 5): Promise<number> {
  const started = performance.now();
  let i = 0;
  for (; i < n; i++) {
    if (i >= min && since(started) > budgetMs) break;
    await step(i);
  }
  return i;
}

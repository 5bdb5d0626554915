/**
 * Summary statistics for benchmark samples. Percentiles use the nearest-rank method: the
 * reported p99 is a duration that really happened, never an interpolation between two.
 */
export interface Summary {
  count: number;
  min: number;
  mean: number;
  median: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
}

/** The p-th percentile (0-100) of values sorted ascending; NaN for no values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const clamped = Math.min(100, Math.max(0, p));
  const rank = Math.max(1, Math.ceil((clamped / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    count: sorted.length,
    min: sorted[0] ?? Number.NaN,
    mean: sorted.length === 0 ? Number.NaN : total / sorted.length,
    median: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

/** Nanoseconds from process.hrtime.bigint() as fractional milliseconds. */
export function nsToMs(ns: bigint): number {
  return Number(ns) / 1e6;
}

export function formatMs(ms: number): string {
  return `${ms < 1 ? ms.toFixed(3) : ms.toFixed(2)} ms`;
}

/** "median 0.212 ms · p90 … · p99 … · max … (n=2000)" */
export function formatSummary(summary: Summary): string {
  return [
    `median ${formatMs(summary.median)}`,
    `p90 ${formatMs(summary.p90)}`,
    `p99 ${formatMs(summary.p99)}`,
    `max ${formatMs(summary.max)}`,
    `mean ${formatMs(summary.mean)}`,
  ].join(' · ') + ` (n=${summary.count})`;
}

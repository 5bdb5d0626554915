import { nsToMs } from './stats.ts';

/**
 * Times `fn` once per run with process.hrtime.bigint, after untimed warm-up runs that let
 * the JIT compile the hot paths and fill caches. Returns one wall-clock duration in ms per
 * timed run. Runs are sequential: a bench measures latency, not throughput.
 */
export interface MeasureOptions {
  warmup: number;
  runs: number;
}

export async function measure(fn: () => unknown, options: MeasureOptions): Promise<number[]> {
  for (let run = 0; run < options.warmup; run += 1) await fn();
  const samples = new Array<number>(options.runs);
  for (let run = 0; run < options.runs; run += 1) {
    const start = process.hrtime.bigint();
    await fn();
    samples[run] = nsToMs(process.hrtime.bigint() - start);
  }
  return samples;
}

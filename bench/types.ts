/** What a benchmark module exports as `bench`; bench/run.ts runs it and prints the report. */
export interface BenchReport {
  title: string;
  /** Lines to print under the title. */
  lines: string[];
  /** False when the bench missed its target; `npm run bench` then exits non-zero. */
  ok: boolean;
}

export interface Bench {
  name: string;
  run(): Promise<BenchReport>;
}

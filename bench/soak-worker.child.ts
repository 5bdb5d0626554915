import { getHeapStatistics } from 'node:v8';
import { SlackSender } from '../src/adapters/slack/sender.ts';
import { required, serveBenchWorker } from './worker-child.ts';

/**
 * The interactions worker for bench/soak.bench.ts, in its own process started with
 * --expose-gc and an IPC channel. The same worker as slack-worker.child.ts (keyword scorer, the
 * Slack stand-in, the bench's limiter, paces that never wait), plus:
 * - sessions expire after BENCH_SESSION_TTL_MS, so Redis stays small over 100k jobs (the
 *   worker's memory is what is measured, and expiry is what production does, only slower);
 * - a `sample` message answers with this process's memory after two forced full GCs, so a
 *   sample is the live heap, not whatever garbage the last job left.
 * Prints "ready" once it takes jobs; SIGTERM closes it and prints its warning count.
 */
export interface MemorySample {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  /** V8's committed heap pages (heapTotal is their reserved size) and its own malloc'd memory (compiler zones). */
  heapPhysical: number;
  v8Malloced: number;
}

const gc = globalThis.gc;
if (!gc) throw new Error('start the soak worker with --expose-gc');

const apiUrl = required('BENCH_SLACK_API_URL');
const served = await serveBenchWorker(
  'soak-worker',
  (logger) => new SlackSender({ token: required('BENCH_BOT_TOKEN'), slackApiUrl: apiUrl, responseUrlOrigins: [new URL(apiUrl).origin], logger }),
  { sessionTtlMs: Number(required('BENCH_SESSION_TTL_MS')) },
);

process.on('message', (message: unknown) => {
  if (message !== 'sample') return;
  gc();
  gc();
  const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
  const heap = getHeapStatistics();
  const sample: MemorySample = { rss, heapUsed, heapTotal, external, heapPhysical: heap.total_physical_size, v8Malloced: heap.malloced_memory };
  process.send?.({ sample, warnings: served.warnings() });
});

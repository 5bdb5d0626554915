import { getHeapStatistics } from 'node:v8';
import { SlackSender } from '../src/adapters/slack/sender.ts';
import { loadQuestionBank } from '../src/core/content/load.ts';
import { KeywordScorer } from '../src/core/scoring/keyword/keyword-scorer.ts';
import { createLogger, setLogSink } from '../src/infra/logger.ts';
import { UNBOUNDED_POST_PACES } from '../src/store/post-pacer.ts';
import { startInteractionsWorker } from '../workers/interactions.worker.ts';
import { required } from './worker-child.ts';

/**
 * The interactions worker for bench/soak.bench.ts, in its own process started with
 * --expose-gc and an IPC channel. Like slack-worker.child.ts (keyword scorer, the Slack
 * stand-in, the bench's limiter, paces that never wait), plus:
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

let warnings = 0;
setLogSink((line) => {
  if (line.includes('"level":"warn"') || line.includes('"level":"error"')) warnings += 1;
});
const logger = createLogger({ bench: 'soak-worker' }, 'warn');
const apiUrl = required('BENCH_SLACK_API_URL');
const bank = await loadQuestionBank(process.env.OBS_CONTENT_DIR ?? 'content');
const scorer = new KeywordScorer();
const worker = startInteractionsWorker({
  redisUrl: required('BENCH_REDIS_URL'),
  prefix: required('BENCH_PREFIX'),
  sender: new SlackSender({ token: required('BENCH_BOT_TOKEN'), slackApiUrl: apiUrl, responseUrlOrigins: [new URL(apiUrl).origin], logger }),
  bank,
  resolveScorer: async () => scorer,
  logger,
  sessionTtlMs: Number(required('BENCH_SESSION_TTL_MS')),
  limiter: { max: Number(required('BENCH_LIMITER_MAX')), duration: 1_000 },
  // The soak's few workspaces would otherwise wait on their production pace; the booking still
  // runs on every job (its keys and script are part of what is soaked), it just never waits.
  pacing: { slack: UNBOUNDED_POST_PACES, discord: UNBOUNDED_POST_PACES },
});

const gc = globalThis.gc;
if (!gc) throw new Error('start the soak worker with --expose-gc');
process.on('message', (message: unknown) => {
  if (message !== 'sample') return;
  gc();
  gc();
  const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
  const heap = getHeapStatistics();
  const sample: MemorySample = { rss, heapUsed, heapTotal, external, heapPhysical: heap.total_physical_size, v8Malloced: heap.malloced_memory };
  process.send?.({ sample, warnings });
});

await worker.worker.waitUntilReady();
process.stdout.write('ready\n');
process.once('SIGTERM', () => {
  void worker.close().finally(() => {
    process.stdout.write(`warnings ${warnings}\n`);
    process.exit(0);
  });
});

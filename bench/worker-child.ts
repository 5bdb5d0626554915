import type { ChatSender } from '../src/app/ports.ts';
import { loadQuestionBank } from '../src/core/content/load.ts';
import { KeywordScorer } from '../src/core/scoring/keyword/keyword-scorer.ts';
import { createLogger, setLogSink, type Logger } from '../src/infra/logger.ts';
import { startInteractionsWorker } from '../workers/interactions.worker.ts';
import { UNBOUNDED_POST_PACES } from '../src/store/post-pacer.ts';

/** A setting the bench passes through the environment; missing is a bench bug. */
export function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

/**
 * The body of a bench's worker child, as in a split deployment (`obs-bot bot` +
 * `obs-bot worker`): counts warn/error log lines, runs the interactions worker with the
 * keyword scorer and the given sender, prints "ready" once it takes jobs, and on SIGTERM
 * closes, prints its warning count and exits. Returns the warning count so far, for children
 * that report more than that (the soak's memory samples).
 */
export async function serveBenchWorker(
  name: string,
  senderFor: (logger: Logger) => ChatSender,
  options: { concurrency?: number; sessionTtlMs?: number } = {},
): Promise<{ warnings: () => number }> {
  let warnings = 0;
  setLogSink((line) => {
    if (line.includes('"level":"warn"') || line.includes('"level":"error"')) warnings += 1;
  });
  const logger = createLogger({ bench: name }, 'warn');
  const bank = await loadQuestionBank(process.env.OBS_CONTENT_DIR ?? 'content');
  const scorer = new KeywordScorer();
  const worker = startInteractionsWorker({
    redisUrl: required('BENCH_REDIS_URL'),
    prefix: required('BENCH_PREFIX'),
    sender: senderFor(logger),
    bank,
    resolveScorer: async () => scorer,
    logger,
    ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
    ...(options.sessionTtlMs !== undefined ? { sessionTtlMs: options.sessionTtlMs } : {}),
    // BENCH_LIMITER_MAX: BullMQ's global limiter, which production does not set (off by default); unset, none.
    ...(process.env.BENCH_LIMITER_MAX ? { limiter: { max: Number(process.env.BENCH_LIMITER_MAX), duration: 1_000 } } : {}),
    // BENCH_PACING=real: the production paces (the pacing bench). Otherwise the booking runs but never waits.
    ...(process.env.BENCH_PACING === 'real' ? {} : { pacing: { slack: UNBOUNDED_POST_PACES, discord: UNBOUNDED_POST_PACES } }),
  });
  await worker.worker.waitUntilReady();
  process.stdout.write('ready\n');
  process.once('SIGTERM', () => {
    void worker.close().finally(() => {
      process.stdout.write(`warnings ${warnings}\n`);
      process.exit(0);
    });
  });
  return { warnings: () => warnings };
}

import { SlackSender } from '../src/adapters/slack/sender.ts';
import { loadQuestionBank } from '../src/core/content/load.ts';
import { KeywordScorer } from '../src/core/scoring/keyword/keyword-scorer.ts';
import { createLogger, setLogSink } from '../src/infra/logger.ts';
import { startInteractionsWorker } from '../workers/interactions.worker.ts';

/**
 * The interactions worker in its own process for bench/slack-commands.bench.ts, as in a
 * split deployment (`obs-bot bot` + `obs-bot worker`). Configured through the environment
 * by the bench; prints "ready" once it takes jobs and stops cleanly on SIGTERM.
 */
function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

let warnings = 0;
setLogSink((line) => {
  if (line.includes('"level":"warn"') || line.includes('"level":"error"')) warnings += 1;
});
const logger = createLogger({ bench: 'slack-worker' }, 'warn');
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
  limiter: { max: Number(required('BENCH_LIMITER_MAX')), duration: 1_000 },
});
await worker.worker.waitUntilReady();
process.stdout.write('ready\n');
process.once('SIGTERM', () => {
  void worker.close().finally(() => {
    process.stdout.write(`warnings ${warnings}\n`);
    process.exit(0);
  });
});

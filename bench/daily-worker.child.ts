import { SlackSender } from '../src/adapters/slack/sender.ts';
import { loadQuestionBank } from '../src/core/content/load.ts';
import { createLogger, setLogSink } from '../src/infra/logger.ts';
import { startDailyWorker } from '../workers/daily.worker.ts';

/**
 * A daily worker in its own process for bench/daily-fanout.bench.ts, as in a deployment
 * with several `obs-bot worker` processes. Configured through the environment by the
 * bench; prints "ready" once it takes jobs, and on SIGTERM closes and prints how many
 * warn/error log lines it wrote (429s, retries) before exiting.
 */
function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

let warnings = 0;
let firstWarning = '';
setLogSink((line) => {
  if (line.includes('"level":"warn"') || line.includes('"level":"error"')) {
    warnings += 1;
    firstWarning ||= line.slice(0, 300);
  }
});
const logger = createLogger({ bench: 'daily-worker' }, 'warn');
const apiUrl = required('BENCH_SLACK_API_URL');
const bank = await loadQuestionBank(process.env.OBS_CONTENT_DIR ?? 'content');
const worker = startDailyWorker({
  redisUrl: required('BENCH_REDIS_URL'),
  prefix: required('BENCH_PREFIX'),
  sender: new SlackSender({ token: required('BENCH_BOT_TOKEN'), slackApiUrl: apiUrl, responseUrlOrigins: [new URL(apiUrl).origin], logger }),
  bank,
  logger,
  concurrency: Number(required('BENCH_CONCURRENCY')),
  pace: { perSecond: Number(required('BENCH_PACE_PER_SECOND')), burst: Number(required('BENCH_PACE_BURST')) },
});
await worker.worker.waitUntilReady();
process.stdout.write('ready\n');
process.once('SIGTERM', () => {
  void worker.close().finally(() => {
    process.stdout.write(`warnings ${warnings}${firstWarning ? ` first: ${firstWarning}` : ''}\n`);
    process.exit(0);
  });
});

import { createDiscordRest } from '../src/adapters/discord/rest.ts';
import { DiscordSender } from '../src/adapters/discord/sender.ts';
import { loadQuestionBank } from '../src/core/content/load.ts';
import { KeywordScorer } from '../src/core/scoring/keyword/keyword-scorer.ts';
import { createLogger, setLogSink } from '../src/infra/logger.ts';
import { startInteractionsWorker } from '../workers/interactions.worker.ts';

/**
 * The interactions worker in its own process for bench/discord.bench.ts, as in a split
 * deployment (`obs-bot bot` + `obs-bot worker`), sending through DiscordSender over
 * @discordjs/rest to the local Discord. Prints "ready" once it takes jobs; stops on SIGTERM.
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
const logger = createLogger({ bench: 'discord-worker' }, 'warn');
const bank = await loadQuestionBank(process.env.OBS_CONTENT_DIR ?? 'content');
const scorer = new KeywordScorer();
const rest = createDiscordRest({ token: required('BENCH_DISCORD_TOKEN'), apiUrl: required('BENCH_DISCORD_API_URL'), globalRequestsPerSecond: Number(required('BENCH_REST_GLOBAL_PER_SECOND')) });
const worker = startInteractionsWorker({
  redisUrl: required('BENCH_REDIS_URL'),
  prefix: required('BENCH_PREFIX'),
  sender: new DiscordSender({ rest, applicationId: required('BENCH_APPLICATION_ID'), logger }),
  bank,
  resolveScorer: async () => scorer,
  logger,
  concurrency: Number(process.env.BENCH_WORKER_CONCURRENCY ?? 16),
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

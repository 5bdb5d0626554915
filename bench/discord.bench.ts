import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AppConfig } from '../src/config/index.ts';
import { createLogger } from '../src/infra/logger.ts';
import { runBot, type RunningBot } from '../src/main/run-bot.ts';
import { createInteractionProducer } from '../src/queue/producers.ts';
import { APPLICATION_ID } from '../test/stubs/discord-api.ts';
import { DISCORD_TOKEN } from '../test/stubs/discord-harness.ts';
import { formatMs, type Summary } from './stats.ts';
import { captureBotWarnings, warningsAndLoadLine } from './bot-warnings.ts';
import type { Bench, BenchReport } from './types.ts';
import { startBenchRedis, startWorkerProcess, type WorkerHandle } from './worker-process.ts';

/**
 * Interactions under load through the local gateway, on loopback: `/obs-question ask`
 * INTERACTION_CREATE dispatches at a fixed arrival rate (open loop) into the real
 * discord.js client (this process: `obs-bot bot`), with the interactions worker (its own
 * process, DiscordSender over @discordjs/rest), Redis, and the local Discord with the load
 * generator (their own process, as Discord is remote in production). Per rate:
 * - reply-or-defer: dispatch sent → the interaction callback reaches the local Discord
 *   (Discord's budget is 3 s);
 * - interaction → message: dispatch sent → the question's POST /channels/:id/messages.
 * Targets at 100/s: reply p99 ≤ 50 ms, interaction → message p99 ≤ 250 ms. 500/s is reported.
 */
/** DISCORD_BENCH_RATES=500 runs one rate (e.g. to profile it); targets apply at 100/s. */
const PHASES = (process.env.DISCORD_BENCH_RATES ?? '100,500').split(',').map((rate) => ({ rate: Number(rate), targets: Number(rate) === 100 }));
const SECONDS = Number(process.env.DISCORD_BENCH_SECONDS ?? 10);
const TARGET_REPLY_P99_MS = 50;
const TARGET_MESSAGE_P99_MS = 250;
const DRAIN_TIMEOUT_MS = 60_000;
const BENCH_LIMITER_MAX = 5_000;
/**
 * Real Discord allows a bot 50 requests a second (interaction callbacks and webhooks
 * aside); a question costs two (the message and its thread). The stand-in has no such
 * limit, so the worker's REST queue is opened up to measure the pipeline, not Discord's cap.
 */
const REST_GLOBAL_PER_SECOND = 5_000;

interface PhaseResult {
  rate: number;
  sent: number;
  achievedRate: number;
  reply: Summary;
  message: Summary;
  replied: number;
  delivered: number;
}

interface LoadProcess {
  apiUrl: string;
  run(rate: number, seconds: number): Promise<PhaseResult>;
  close(): Promise<void>;
}

/** The local Discord and the load generator, in their own process (see discord-load.child.ts). */
async function startLoadProcess(): Promise<LoadProcess> {
  const script = fileURLToPath(new URL('./discord-load.child.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  const apiUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the local Discord did not start within 30 s')), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      const match = /ready (\S+)/.exec(chunk.toString());
      if (match) {
        clearTimeout(timer);
        resolve(match[1] as string);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the local Discord exited with ${code}`));
    });
  });
  return {
    apiUrl,
    run: (rate, seconds) =>
      new Promise((resolve) => {
        child.once('message', (message: { result: PhaseResult }) => resolve(message.result));
        child.send({ run: { rate, seconds, drainMs: DRAIN_TIMEOUT_MS } });
      }),
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ stop: true });
      await exited;
    },
  };
}

export const bench: Bench = {
  name: 'discord',
  async run(): Promise<BenchReport> {
    const captured = captureBotWarnings();
    const warnings = captured.lines;
    const redis = await startBenchRedis();
    const load = await startLoadProcess();
    const prefix = `bench-dc-${Date.now().toString(36)}`;
    const logger = createLogger({ bench: 'discord' }, 'warn');
    const config: AppConfig = {
      discord: { token: DISCORD_TOKEN, applicationId: APPLICATION_ID, apiUrl: load.apiUrl, messageContent: false },
      port: 0,
      redisUrl: redis.url,
      sessionTtlDays: 1,
      contentDir: 'content',
      logLevel: 'warn',
    };
    let worker: WorkerHandle | undefined;
    let bot: RunningBot | undefined;
    try {
      worker = await startWorkerProcess('./discord-worker.child.ts', {
        BENCH_REDIS_URL: redis.url,
        BENCH_PREFIX: prefix,
        BENCH_DISCORD_API_URL: load.apiUrl,
        BENCH_DISCORD_TOKEN: DISCORD_TOKEN,
        BENCH_APPLICATION_ID: APPLICATION_ID,
        BENCH_LIMITER_MAX: String(BENCH_LIMITER_MAX),
        BENCH_REST_GLOBAL_PER_SECOND: String(REST_GLOBAL_PER_SECOND),
        OBS_CONTENT_DIR: config.contentDir,
      });
      bot = await runBot(config, { producer: createInteractionProducer(redis.url, { prefix, logger }), prefix, logger });

      // Warm-up: JIT, connection pools, BullMQ scripts. Not measured.
      await load.run(50, 2);
      const results: PhaseResult[] = [];
      for (const phase of PHASES) results.push(await load.run(phase.rate, SECONDS));

      const lines: string[] = [];
      let ok = true;
      for (const [index, result] of results.entries()) {
        const phase = PHASES[index];
        const complete = result.replied === result.sent && result.delivered === result.sent;
        const meets = result.reply.p99 <= TARGET_REPLY_P99_MS && result.message.p99 <= TARGET_MESSAGE_P99_MS && complete;
        if (phase?.targets && !meets) ok = false;
        lines.push(
          `${result.rate}/s for ${SECONDS} s (${result.sent} interactions, dispatched at ${result.achievedRate.toFixed(0)}/s)${phase?.targets ? (meets ? '  ✓ targets met' : '  ✗ targets missed') : ''}`,
          `  reply-or-defer        p50 ${formatMs(result.reply.median)} · p99 ${formatMs(result.reply.p99)} · max ${formatMs(result.reply.max)}${phase?.targets ? ` (target p99 ≤ ${TARGET_REPLY_P99_MS} ms)` : ''}`,
          `  interaction→message   p50 ${formatMs(result.message.median)} · p99 ${formatMs(result.message.p99)} · max ${formatMs(result.message.max)}${phase?.targets ? ` (target p99 ≤ ${TARGET_MESSAGE_P99_MS} ms)` : ''}`,
          `  ${result.replied}/${result.sent} answered within the run, ${result.delivered}/${result.sent} questions posted`,
        );
      }
      lines.push(`worker: own process, concurrency 16, limiter ${BENCH_LIMITER_MAX}/s, REST global ${REST_GLOBAL_PER_SECOND}/s (real Discord: 50 requests/s per bot, about 25 questions/s)`);
      const kinds = new Map<string, number>();
      for (const line of warnings) {
        const msg = /"msg":"([^"]+)"/.exec(line)?.[1] ?? 'other';
        kinds.set(msg, (kinds.get(msg) ?? 0) + 1);
      }
      if (kinds.size > 0) lines.push(`warnings: ${[...kinds].map(([msg, count]) => `${count}× ${msg}`).join('; ')}`);
      lines.push(warningsAndLoadLine(warnings.length));
      return { title: 'Discord interactions through the local gateway: reply-or-defer and interaction→message latency', lines, ok };
    } finally {
      await bot?.close();
      await worker?.close();
      await load.close();
      await redis.stop();
      captured.stop();
    }
  },
};

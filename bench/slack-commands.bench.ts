import { Agent, request } from 'node:http';
import { startInteractionsWorker } from '../workers/interactions.worker.ts';
import { SlackSender } from '../src/adapters/slack/sender.ts';
import { runBot, type RunningBot } from '../src/main/run-bot.ts';
import type { AppConfig } from '../src/config/index.ts';
import { loadQuestionBank } from '../src/core/content/load.ts';
import { KeywordScorer } from '../src/core/scoring/keyword/keyword-scorer.ts';
import { createLogger } from '../src/infra/logger.ts';
import { createInteractionProducer } from '../src/queue/producers.ts';
import { slackSignature } from '../test/helpers/slack-http.ts';
import { SlackApiStub } from '../test/stubs/slack-api.ts';
import { formatMs, summarize, type Summary } from './stats.ts';
import { captureBotWarnings, warningsAndLoadLine } from './bot-warnings.ts';
import type { Bench, BenchReport } from './types.ts';
import { startBenchRedis, startWorkerProcess, type WorkerHandle } from './worker-process.ts';
import { UNBOUNDED_POST_PACES } from '../src/store/post-pacer.ts';

/**
 * Slash commands under load, end to end on loopback: signed `/obs-question` requests at a
 * fixed arrival rate (open loop: a slow ack does not slow the sender down) against the
 * Bolt HTTP app, with the interactions worker, Redis and the Slack Web API stand-in
 * running. Two figures per rate:
 * - ack latency: request sent → Slack's 200 received (Slack's budget is 3 s);
 * - command → message: request sent → the stand-in receives the question's chat.postMessage.
 * Targets at 100/s: ack p99 < 50 ms, command → message p99 < 250 ms. 500/s is reported.
 * By default the worker runs in its own process, as `obs-bot bot` + `obs-bot worker` do;
 * SLACK_BENCH_WORKER=inline runs it beside the bot, as `npm start` does, where the worker's
 * CPU competes with the acks. The load generator and the stand-in share the bot's process.
 */
const PHASES = [
  { rate: 100, targets: true },
  { rate: 500, targets: false },
] as const;
const SECONDS = Number(process.env.SLACK_BENCH_SECONDS ?? 10);
const TARGET_ACK_P99_MS = 50;
const TARGET_MESSAGE_P99_MS = 250;
const DRAIN_TIMEOUT_MS = 60_000;
const WORKER_MODE = process.env.SLACK_BENCH_WORKER === 'inline' ? 'inline' : 'process';
const BOT_TOKEN = 'xoxb-0000-0000-benchmarktoken';
const SIGNING_SECRET = 'bench-signing-secret-7a7a7a7a';
/** Production paces posts per workspace and channel (the pacing bench); this bench measures the pipeline, so the pace never binds here. */
const BENCH_LIMITER = { max: 5_000, duration: 1_000 };

/**
 * A lean signed-request client on node:http with keep-alive. fetch (undici) costs several
 * times more CPU per request, and in this single process that cost lands on the bot.
 */
class CommandClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 512 });

  constructor(
    private readonly port: number,
    private readonly secret: string,
  ) {}

  /** Resolves with the ack latency in ms, or rejects on a non-200 or a network error. */
  command(fields: Record<string, string>): Promise<number> {
    const body = new URLSearchParams({ command: '/obs-question', api_app_id: 'A1', team_domain: 'bench', channel_name: 'bench', user_name: 'bench', ...fields }).toString();
    const timestamp = Math.floor(Date.now() / 1000);
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: this.port,
          path: '/slack/events',
          method: 'POST',
          agent: this.agent,
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'content-length': Buffer.byteLength(body),
            'x-slack-request-timestamp': String(timestamp),
            'x-slack-signature': slackSignature(this.secret, timestamp, body),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`HTTP ${res.statusCode}`))));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

async function startWorkerInline(redisUrl: string, prefix: string, stub: SlackApiStub, contentDir: string): Promise<WorkerHandle> {
  const logger = createLogger({ bench: 'slack-worker' }, 'warn');
  const bank = await loadQuestionBank(contentDir);
  const scorer = new KeywordScorer();
  const worker = startInteractionsWorker({
    redisUrl,
    prefix,
    sender: new SlackSender({ token: BOT_TOKEN, slackApiUrl: stub.apiUrl, responseUrlOrigins: [stub.origin], logger }),
    bank,
    resolveScorer: async () => scorer,
    logger,
    limiter: BENCH_LIMITER,
    pacing: { slack: UNBOUNDED_POST_PACES },
  });
  await worker.worker.waitUntilReady();
  return worker;
}

interface PhaseResult {
  rate: number;
  sent: number;
  failed: number;
  failures: string;
  achievedRate: number;
  ack: Summary;
  message: Summary;
  delivered: number;
}

async function runPhase(client: CommandClient, stub: SlackApiStub, rate: number, label: string): Promise<PhaseResult> {
  const total = Math.round(rate * SECONDS);
  const sentAt = new Map<string, number>();
  const acks: number[] = [];
  let failed = 0;
  const failures = new Map<string, number>();
  const inFlight: Promise<void>[] = [];
  const started = performance.now();
  for (let index = 0; index < total; index += 1) {
    const due = started + (index * 1_000) / rate;
    const wait = due - performance.now();
    if (wait >= 1) await new Promise((resolve) => setTimeout(resolve, wait));
    // One channel per command, so each question is recognisable when it reaches the stand-in.
    const channel = `C${label}${index}`;
    sentAt.set(channel, Date.now());
    inFlight.push(
      client.command({ text: '', team_id: 'TBENCH', channel_id: channel, user_id: `U${index % 50}`, trigger_id: `${label}.${index}.${Date.now()}`, response_url: stub.responseUrl(channel) }).then(
        (ms) => {
          acks.push(ms);
        },
        (error: unknown) => {
          failed += 1;
          const reason = error instanceof Error ? error.message : String(error);
          failures.set(reason, (failures.get(reason) ?? 0) + 1);
        },
      ),
    );
  }
  const sendingMs = performance.now() - started;
  await Promise.all(inFlight);

  const firstPost = new Map<string, number>();
  // Incremental, so waiting for the last questions does not compete with the worker.
  let seen = 0;
  const collect = (): number => {
    for (; seen < stub.calls.length; seen += 1) {
      const call = stub.calls[seen];
      const channel = typeof call?.args.channel === 'string' ? call.args.channel : '';
      if (call?.method === 'chat.postMessage' && sentAt.has(channel) && !firstPost.has(channel)) firstPost.set(channel, call.at);
    }
    return firstPost.size;
  };
  const deadline = Date.now() + DRAIN_TIMEOUT_MS;
  while (collect() < total - failed && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  const latencies = [...firstPost].map(([channel, at]) => at - (sentAt.get(channel) ?? at));
  return { rate, sent: total, failed, failures: [...failures].map(([reason, count]) => `${count}× ${reason}`).join(', '), achievedRate: (total / sendingMs) * 1_000, ack: summarize(acks), message: summarize(latencies), delivered: firstPost.size };
}

export const bench: Bench = {
  name: 'slack-commands',
  async run(): Promise<BenchReport> {
    const captured = captureBotWarnings();
    const warnings = captured.lines;
    const redis = await startBenchRedis();
    const stub = await SlackApiStub.start({ token: BOT_TOKEN });
    const prefix = `bench-${Date.now().toString(36)}`;
    const logger = createLogger({ bench: 'slack-commands' }, 'warn');
    const config: AppConfig = {
      slack: { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, socketMode: false, apiUrl: stub.apiUrl },
      port: 0,
      redisUrl: redis.url,
      sessionTtlDays: 1,
      contentDir: 'content',
      logLevel: 'warn',
    };
    let worker: WorkerHandle | undefined;
    let bot: RunningBot | undefined;
    let client: CommandClient | undefined;
    try {
      worker =
        WORKER_MODE === 'inline'
          ? await startWorkerInline(redis.url, prefix, stub, config.contentDir)
          : await startWorkerProcess('./slack-worker.child.ts', {
              BENCH_REDIS_URL: redis.url,
              BENCH_PREFIX: prefix,
              BENCH_SLACK_API_URL: stub.apiUrl,
              BENCH_BOT_TOKEN: BOT_TOKEN,
              BENCH_LIMITER_MAX: String(BENCH_LIMITER.max),
              OBS_CONTENT_DIR: config.contentDir,
            });
      bot = await runBot(config, { producer: createInteractionProducer(redis.url, { prefix, logger }), listen: { port: 0, host: '127.0.0.1' }, logger });
      client = new CommandClient(bot.port ?? 0, SIGNING_SECRET);

      // Warm-up: JIT, connection pools, BullMQ scripts. Not measured.
      await runPhase(client, stub, 50, 'W');
      const results: PhaseResult[] = [];
      for (const phase of PHASES) results.push(await runPhase(client, stub, phase.rate, `R${phase.rate}x`));

      const lines: string[] = [];
      let ok = true;
      for (const [index, result] of results.entries()) {
        const phase = PHASES[index];
        const complete = result.failed === 0 && result.delivered === result.sent;
        const meets = result.ack.p99 < TARGET_ACK_P99_MS && result.message.p99 < TARGET_MESSAGE_P99_MS && complete;
        if (phase?.targets && !meets) ok = false;
        lines.push(
          `${result.rate}/s for ${SECONDS} s (${result.sent} commands, sent at ${result.achievedRate.toFixed(0)}/s)${phase?.targets ? (meets ? '  ✓ targets met' : '  ✗ targets missed') : ''}`,
          `  ack              p50 ${formatMs(result.ack.median)} · p99 ${formatMs(result.ack.p99)} · max ${formatMs(result.ack.max)}${phase?.targets ? ` (target p99 < ${TARGET_ACK_P99_MS} ms)` : ''}`,
          `  command→message  p50 ${formatMs(result.message.median)} · p99 ${formatMs(result.message.p99)} · max ${formatMs(result.message.max)}${phase?.targets ? ` (target p99 < ${TARGET_MESSAGE_P99_MS} ms)` : ''}`,
          `  ${result.delivered}/${result.sent} questions posted, ${result.failed} requests failed${result.failures ? ` (${result.failures})` : ''}`,
        );
      }
      lines.push(`worker: concurrency 8 (default), limiter ${BENCH_LIMITER.max}/s, posting pace booked but unbounded (production: 4/s per workspace, 1/s per channel; see the pacing bench)`);
      lines.push(
        WORKER_MODE === 'inline'
          ? 'worker inline: bot, worker, load generator and Slack stand-in share one Node process (like `npm start`)'
          : 'worker in its own process (like `obs-bot worker`); bot, load generator and Slack stand-in share one',
      );
      lines.push(warningsAndLoadLine(warnings.length));
      return { title: 'Slack slash commands: ack and command→message latency', lines, ok };
    } finally {
      client?.close();
      await bot?.close();
      await worker?.close();
      await stub.close();
      await redis.stop();
      captured.stop();
    }
  },
};

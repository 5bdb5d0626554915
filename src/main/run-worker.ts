import { startDailyWorker, type RunningDailyWorker } from '../../workers/daily.worker.ts';
import { startInteractionsWorker, type RunningInteractionsWorker } from '../../workers/interactions.worker.ts';
import { startPairWorker, type RunningPairWorker } from '../../workers/pair.worker.ts';
import { SlackSender } from '../adapters/slack/sender.ts';
import { DEFAULT_TIMEZONE, type AppConfig } from '../config/index.ts';
import { loadQuestionBank } from '../core/content/load.ts';
import type { QuestionBank } from '../core/content/question-bank.ts';
import { startOpsServer, type OpsServer, type ReadinessCheck } from '../infra/health.ts';
import { logger as rootLogger, type Logger } from '../infra/logger.ts';
import { countActiveSessionsWith } from '../infra/metrics.ts';
import { closeConnection, createWorkerConnection, describeRedisUrl } from '../infra/redis.ts';
import { createRedisErrorReporter } from '../infra/redis-errors.ts';
import { startTracing } from '../infra/tracing.ts';
import { countSessions } from '../store/session-count.ts';
import { QUEUE_PREFIX, storePrefixOf } from '../queue/names.ts';
import { dailyJobOf } from '../queue/user-jobs.ts';
import { createScoring } from '../scoring/resolve-scorer.ts';
import { DAY_MS } from '../store/index.ts';
import type { ScorerResolver, ScoringSettings } from '../app/interactions/index.ts';
import { routeByPlatform, type ChatSender, type SenderRouter } from '../app/ports.ts';
import type { Platform } from '../core/thread-id.ts';
import { SlackPeerPlatform } from '../adapters/slack/peer-platform.ts';
import type { PeerPlatforms } from '../app/peer/ports.ts';
import { peerSettingsFrom } from '../config/peer.ts';

export interface RunWorkerOptions {
  logger?: Logger;
  /** BullMQ and store key prefix; tests pass a unique one. Default OBS_QUEUE_PREFIX or "{obs}" (stores: "obs:store"). */
  prefix?: string;
  /** Overrides for tests; by default one sender per configured platform. */
  sender?: ChatSender | SenderRouter;
  bank?: QuestionBank;
  resolveScorer?: ScorerResolver;
  /** Read for the optional LLM scoring settings. */
  env?: NodeJS.ProcessEnv;
  concurrency?: number;
  /**
   * Serve /healthz, /readyz and /metrics on this port (0: any free port). Unset: none, as
   * when the worker shares a process with the bot, whose port serves them.
   */
  metricsPort?: number;
  metricsHost?: string;
  /** More /readyz checks, e.g. a platform gateway this process holds. */
  readiness?: ReadinessCheck[];
  /** Peer practice's platform side, per platform; default: from the configured senders. */
  peerPlatforms?: PeerPlatforms;
}

export interface RunningWorker {
  worker: RunningInteractionsWorker;
  /** Daily questions: channel schedulers, posts and reveals. */
  daily: RunningDailyWorker;
  /** The port bound for /healthz, /readyz and /metrics, when served. */
  metricsPort?: number;
  /** Weekly pairing rounds of the peer-practice pools. */
  pair: RunningPairWorker;
  /** Stops taking jobs, lets active ones finish, closes Redis. Safe to call twice. */
  close(): Promise<void>;
}

/** Slack's response_url host, plus the stand-in's when SLACK_API_URL points elsewhere. */
function responseUrlOrigins(apiUrl: string | undefined): string[] {
  const origins = ['https://hooks.slack.com'];
  if (apiUrl) origins.push(new URL(apiUrl).origin);
  return origins;
}

/**
 * One sender per configured platform. Discord's is REST only (no gateway session), so
 * workers scale out freely; jobs and daily channels name their platform. Discord's modules
 * (discord.js and its REST client, tens of MB) are only loaded when Discord is configured.
 */
async function sendersFor(config: AppConfig, log: Logger, peer: PeerPlatforms): Promise<SenderRouter> {
  const senders: Partial<Record<Platform, ChatSender>> = {};
  if (config.slack) {
    const slack = new SlackSender({
      token: config.slack.botToken,
      ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}),
      responseUrlOrigins: responseUrlOrigins(config.slack.apiUrl),
      logger: log.child({ component: 'slack-sender' }),
    });
    senders.slack = slack;
    peer.slack = new SlackPeerPlatform(slack.client);
  }
  if (config.discord) {
    const [{ createDiscordRest }, { DiscordSender }, { DiscordPeerPlatform }] = await Promise.all([
      import('../adapters/discord/rest.ts'),
      import('../adapters/discord/sender.ts'),
      import('../adapters/discord/peer-platform.ts'),
    ]);
    const rest = createDiscordRest({ token: config.discord.token, ...(config.discord.apiUrl ? { apiUrl: config.discord.apiUrl } : {}) });
    senders.discord = new DiscordSender({ rest, applicationId: config.discord.applicationId, logger: log.child({ component: 'discord-sender' }) });
    peer.discord = new DiscordPeerPlatform(rest, config.discord.applicationId);
  }
  return routeByPlatform(senders);
}

/**
 * Runs the worker side: content, scoring, the senders (Slack, Discord), the interactions worker and the
 * daily worker (whose schedules are synced at every boot).
 * Like runBot it installs no signal handlers; whoever owns the process calls `close()` on
 * SIGTERM, which waits for the jobs in flight (their plans are stored, so even a hard kill
 * loses nothing: the next worker resumes them) and then closes Redis.
 */
export async function runWorker(config: AppConfig, options: RunWorkerOptions = {}): Promise<RunningWorker> {
  const log = options.logger ?? rootLogger.child({ component: 'worker' });
  const prefix = options.prefix ?? QUEUE_PREFIX;
  // Off unless OTEL_EXPORTER_OTLP_ENDPOINT is set; in `obs-bot start` the bot's call already did it.
  if (await startTracing({ serviceName: 'obs-worker' })) log.info('tracing on (OTLP)');
  // Content first: a broken question bank must stop start-up with every problem listed.
  const bank = options.bank ?? (await loadQuestionBank(config.contentDir));
  const connection = createWorkerConnection(config.redisUrl);
  // One reporter for every connection, queue and worker below: an outage is one line, then backoff.
  const redisErrors = createRedisErrorReporter(log.child({ component: 'redis' }), { redis: describeRedisUrl(config.redisUrl) });
  connection.on('error', (error: Error) => redisErrors.error('worker', error));
  connection.on('ready', () => redisErrors.ready('worker'));

  let closingDown = false;
  const readiness: ReadinessCheck[] = [
    { name: 'redis', check: async () => connection.status === 'ready' && (await connection.ping()) === 'PONG' },
    { name: 'worker', check: () => !closingDown },
    ...(options.readiness ?? []),
  ];
  countActiveSessionsWith(() => countSessions(connection, storePrefixOf(prefix)));

  let resolveScorer = options.resolveScorer;
  let scoring: ScoringSettings | undefined;
  if (!resolveScorer) {
    // Keyword scoring always; the LLM where it is configured and chosen.
    const { resolver, settings, llmConfig } = await createScoring({ redis: connection, prefix, logger: log.child({ component: 'scoring' }), ...(options.env ? { env: options.env } : {}) });
    log.info('scoring ready', { llm: llmConfig !== undefined });
    resolveScorer = (scope) => resolver.resolve(scope);
    scoring = {
      llmAvailable: llmConfig !== undefined,
      get: (scope) => settings.get(scope),
      set: (scope, choice) => settings.set(scope, choice),
      clear: (scope) => settings.clear(scope),
    };
  }
  const peerPlatforms: PeerPlatforms = { ...options.peerPlatforms };
  const sender = options.sender ?? (await sendersFor(config, log, peerPlatforms));
  const peerSettings = peerSettingsFrom(options.env ?? process.env);

  // A short lock lets another worker take over a dead worker's job sooner (OBS_JOB_LOCK_MS).
  const lock = config.jobLock ? { lock: config.jobLock } : {};

  // The daily worker shares the connection and the stores (same prefix): a daily question
  // is a channel question, and its answers arrive through the interactions worker.
  const daily = startDailyWorker({
    redisUrl: config.redisUrl,
    connection,
    prefix,
    sender,
    bank,
    redisErrors,
    logger: log.child({ component: 'daily-worker' }),
    sessionTtlMs: config.sessionTtlDays * DAY_MS,
    ...(config.answerRetentionDays ? { answerRetentionMs: config.answerRetentionDays * DAY_MS } : {}),
    defaultTimezone: config.defaultTimezone ?? DEFAULT_TIMEZONE,
    ...lock,
  });

  const pair = startPairWorker({ redisUrl: config.redisUrl, connection, prefix, sender, bank, logger: log.child({ component: 'pair-worker' }), redisErrors, defaultTimezone: config.defaultTimezone ?? DEFAULT_TIMEZONE, ...lock });

  const worker = startInteractionsWorker({
    redisUrl: config.redisUrl,
    connection,
    prefix,
    sender,
    bank,
    resolveScorer,
    redisErrors,
    logger: log,
    sessionTtlMs: config.sessionTtlDays * DAY_MS,
    ...(config.answerRetentionDays ? { answerRetentionMs: config.answerRetentionDays * DAY_MS } : {}),
    ...lock,
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    ...(config.adminUserIds ? { adminUserIds: config.adminUserIds } : {}),
    ...(config.mockIdle ? { mockIdle: config.mockIdle } : {}),
    daily: daily.services,
    ...(scoring ? { scoring } : {}),
    peer: { platforms: peerPlatforms, settings: peerSettings, pool: pair.pool },
    // forget-me searches the interactions queue and this one; pair jobs name a channel only.
    userJobQueues: [{ queue: daily.queue, belongsTo: dailyJobOf }],
  });
  // Served before the boot sync, which waits for Redis: a start-up stuck on a lost Redis
  // is visible on /readyz (503) while /healthz says the process is alive.
  let ops: OpsServer | undefined;
  if (options.metricsPort !== undefined) {
    try {
      ops = await startOpsServer({ port: options.metricsPort, ...(options.metricsHost ? { host: options.metricsHost } : {}), checks: readiness });
    } catch (error) {
      // Port taken: stop what started, so the process can exit with the error.
      await Promise.all([worker.close(), daily.close()]);
      await closeConnection(connection);
      throw error;
    }
    log.info('serving /healthz, /readyz and /metrics', { port: ops.port });
  }
  // Every boot: upsert every channel's job scheduler from the stored schedules (a flushed
  // Redis loses them) and post today's question where it was missed. A failure here is
  // logged per channel; it must not keep the worker from answering people.
  try {
    await daily.boot();
  } catch (error) {
    log.error('daily schedules could not be synced at boot; the next boot tries again', { error });
  }
  log.info('worker running', { redis: describeRedisUrl(config.redisUrl), questions: bank.questions.length });

  let closing: Promise<void> | undefined;
  return {
    worker,
    daily,
    ...(ops ? { metricsPort: ops.port } : {}),
    pair,
    close() {
      closing ??= (async () => {
        closingDown = true;
        try {
          await Promise.all([worker.close(), daily.close(), pair.close()]);
        } finally {
          countActiveSessionsWith(undefined);
          await closeConnection(connection);
          await ops?.close();
          log.info('worker stopped');
        }
      })();
      return closing;
    },
  };
}

import type { AppConfig } from '../config/index.ts';
import { createSlackApp, type ListenOptions, type SlackApp } from '../adapters/slack/app.ts';
import { createDiscordBot, type DiscordBot } from '../adapters/discord/client.ts';
import { createInteractionDedupe } from '../adapters/discord/interaction-dedupe.ts';
import { loadQuestionBank } from '../core/content/load.ts';
import { logger as rootLogger, type Logger } from '../infra/logger.ts';
import { startOpsServer, type OpsServer, type ReadinessCheck } from '../infra/health.ts';
import { closeConnection, createProducerConnection, describeRedisUrl, type RedisConnection } from '../infra/redis.ts';
import { createRedisErrorReporter } from '../infra/redis-errors.ts';
import { startTracing } from '../infra/tracing.ts';
import { createInteractionProducer, type InteractionProducer } from '../queue/producers.ts';
import { QUEUE_PREFIX } from '../queue/names.ts';

export interface RunBotOptions {
  logger?: Logger;
  listen?: ListenOptions;
  /** Tests and the benchmark pass their own (a unique queue prefix); default: one on REDIS_URL. */
  producer?: InteractionProducer;
  /** Prefix of the Discord interaction dedupe keys; tests pass a unique one. Default OBS_QUEUE_PREFIX. */
  prefix?: string;
  /** Topic slugs for Discord's autocomplete; default: read from the content folder. */
  topics?: readonly string[];
}

export interface RunningBot {
  /** The HTTP port actually bound (Slack HTTP mode), useful when PORT is 0. */
  port?: number;
  /** Slack's receiver, when Slack is configured. */
  mode?: 'http' | 'socket';
  /** The Discord gateway client, when Discord is configured. */
  discord?: DiscordBot;
  /** Stops taking requests, then closes the queue connection. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Runs the platform side: whichever of Slack (Bolt) and Discord (gateway) are configured,
 * both at once when both are, in front of one queue producer. It installs no signal
 * handlers itself; whoever owns the process calls `close()` on SIGTERM, which stops the
 * receivers first (in-flight requests finish, no new ones arrive) and the producer last.
 */
export async function runBot(config: AppConfig, options: RunBotOptions = {}): Promise<RunningBot> {
  const log = options.logger ?? rootLogger.child({ component: 'bot' });
  // Off unless OTEL_EXPORTER_OTLP_ENDPOINT is set.
  if (await startTracing({ serviceName: 'obs-bot' })) log.info('tracing on (OTLP)');
  const producerLog = log.child({ component: 'producer' });
  const producer =
    options.producer ?? createInteractionProducer(config.redisUrl, { logger: producerLog, redisErrors: createRedisErrorReporter(producerLog, { redis: describeRedisUrl(config.redisUrl) }) });
  // /readyz asks Redis and each configured platform at every request; platforms are added as they start.
  const readiness: ReadinessCheck[] = [{ name: 'redis', check: () => producer.ping() }];
  let slack: SlackApp | undefined;
  let discord: DiscordBot | undefined;
  let dedupeRedis: RedisConnection | undefined;
  let ops: OpsServer | undefined;
  const closeAll = async (): Promise<void> => {
    try {
      await Promise.all([slack?.stop(), discord?.stop()]);
    } finally {
      if (dedupeRedis) await closeConnection(dedupeRedis);
      await producer.close();
      await ops?.close();
    }
  };
  // Not fatal: the bot can ack while Redis is away, and tells people to try again.
  if (!(await producer.waitUntilReady(3_000))) {
    log.warn('Redis is not reachable yet; commands will be answered with "try again in a minute" until it is', { redis: describeRedisUrl(config.redisUrl) });
  }
  let port: number | undefined;
  try {
    if (config.slack) {
      const slackApp = createSlackApp(
        { slack: config.slack, port: config.port, logLevel: config.logLevel, ...(config.startupRetries === undefined ? {} : { startupRetries: config.startupRetries }) },
        { producer, logger: log, readiness },
      );
      slack = slackApp;
      readiness.push({ name: 'slack', check: () => slackApp.isConnected() });
      port = (await slackApp.start(options.listen)).port;
    }
    if (config.discord) {
      const topics = options.topics ?? (await loadQuestionBank(config.contentDir)).topics().map((entry) => entry.topic);
      const discordLog = log.child({ component: 'discord' });
      dedupeRedis = createProducerConnection(config.redisUrl);
      dedupeRedis.on('error', (error: Error) => discordLog.debug('redis error (interaction dedupe)', { error }));
      const dedupe = createInteractionDedupe(dedupeRedis, { prefix: options.prefix ?? QUEUE_PREFIX, logger: discordLog });
      const discordBot = createDiscordBot(config.discord, {
        producer,
        dedupe,
        topics: () => topics,
        messageContent: config.discord.messageContent,
        logger: discordLog,
        now: Date.now,
        ...(config.startupRetries === undefined ? {} : { startupRetries: config.startupRetries }),
      });
      discord = discordBot;
      readiness.push({ name: 'discord', check: () => discordBot.client.isReady() });
      await discordBot.start();
    }
    if (!slack) {
      // No Slack receiver to carry them: /healthz, /readyz and /metrics get a server of their own on PORT.
      ops = await startOpsServer({ port: options.listen?.port ?? config.port, ...(options.listen?.host ? { host: options.listen.host } : {}), checks: readiness });
      port = ops.port;
    }
  } catch (error) {
    await closeAll().catch(() => undefined);
    throw error;
  }
  log.info('bot running', { slack: slack?.mode, port, discord: discord !== undefined, redis: describeRedisUrl(config.redisUrl) });

  let closing: Promise<void> | undefined;
  return {
    ...(port === undefined ? {} : { port }),
    ...(slack ? { mode: slack.mode } : {}),
    ...(discord ? { discord } : {}),
    close() {
      closing ??= closeAll().finally(() => log.info('bot stopped'));
      return closing;
    },
  };
}

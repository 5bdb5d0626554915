import type { AppConfig } from '../config/index.ts';
import { createSlackApp, type ListenOptions } from '../adapters/slack/app.ts';
import { logger as rootLogger, type Logger } from '../infra/logger.ts';
import type { ReadinessCheck } from '../infra/health.ts';
import { describeRedisUrl } from '../infra/redis.ts';
import { createRedisErrorReporter } from '../infra/redis-errors.ts';
import { createInteractionProducer, type InteractionProducer } from '../queue/producers.ts';

export interface RunBotOptions {
  logger?: Logger;
  listen?: ListenOptions;
  /** Tests and the benchmark pass their own (a unique queue prefix); default: one on REDIS_URL. */
  producer?: InteractionProducer;
}

export interface RunningBot {
  /** The HTTP port actually bound (HTTP mode), useful when PORT is 0. */
  port?: number;
  mode: 'http' | 'socket';
  /** Stops taking requests, then closes the queue connection. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Runs the Slack side: the Bolt app and the queue producer behind it. It installs no
 * signal handlers itself; whoever owns the process calls `close()` on SIGTERM, which stops
 * the receiver first (in-flight requests finish, no new ones arrive) and the producer last.
 */
export async function runBot(config: AppConfig, options: RunBotOptions = {}): Promise<RunningBot> {
  const log = options.logger ?? rootLogger.child({ component: 'bot' });
  const producerLog = log.child({ component: 'producer' });
  const producer =
    options.producer ?? createInteractionProducer(config.redisUrl, { logger: producerLog, redisErrors: createRedisErrorReporter(producerLog, { redis: describeRedisUrl(config.redisUrl) }) });
  // Filled in once the app exists: /readyz asks Redis and the platform at each request.
  const readiness: ReadinessCheck[] = [{ name: 'redis', check: () => producer.ping() }];
  const slack = createSlackApp(config, { producer, logger: log, readiness });
  readiness.push({ name: 'slack', check: () => slack.isConnected() });
  // Not fatal: the bot can ack while Redis is away, and tells people to try again.
  if (!(await producer.waitUntilReady(3_000))) {
    log.warn('Redis is not reachable yet; commands will be answered with "try again in a minute" until it is', { redis: describeRedisUrl(config.redisUrl) });
  }
  let started: { port?: number };
  try {
    started = await slack.start(options.listen);
  } catch (error) {
    await producer.close();
    throw error;
  }
  log.info('bot running', { mode: slack.mode, port: started.port, redis: describeRedisUrl(config.redisUrl) });

  let closing: Promise<void> | undefined;
  return {
    ...(started.port === undefined ? {} : { port: started.port }),
    mode: slack.mode,
    close() {
      closing ??= (async () => {
        try {
          await slack.stop();
        } finally {
          await producer.close();
          log.info('bot stopped');
        }
      })();
      return closing;
    },
  };
}

import { Queue, type JobsOptions } from 'bullmq';
import { closeConnection, createProducerConnection, type RedisConnection } from '../infra/redis.ts';
import { logger as rootLogger, type Logger } from '../infra/logger.ts';
import { createRedisErrorReporter, type RedisErrorReporter } from '../infra/redis-errors.ts';
import { currentTraceCarrier, inSpan, SpanKind } from '../infra/tracing.ts';
import { QueueUnavailableError } from './errors.ts';
import { interactionJobSchema, type InteractionJob } from './jobs.ts';
import { INTERACTIONS_QUEUE, QUEUE_PREFIX } from './names.ts';

export { QueueUnavailableError } from './errors.ts';

export interface EnqueueOptions {
  /** For tick jobs: run no earlier than this many milliseconds from now. */
  delayMs?: number;
}

export interface InteractionProducer {
  /** Validates and enqueues; a duplicate of a job already known is dropped silently. */
  enqueue(job: InteractionJob, options?: EnqueueOptions): Promise<void>;
  /**
   * Waits up to `timeoutMs` for Redis and the queue to be ready, so the first request
   * after start-up does not pay for the handshake. False when Redis is not there (yet).
   */
  waitUntilReady(timeoutMs?: number): Promise<boolean>;
  /** True when Redis answers a PING now (for /readyz); never waits for a reconnect. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface ProducerOptions {
  /** BullMQ key prefix; tests pass a unique one. */
  prefix?: string;
  queueName?: string;
  /** The longest an enqueue may take before the user is told to try again. */
  timeoutMs?: number;
  logger?: Logger;
  /** Where connection errors go; default one of its own (logged once, then with backoff). */
  redisErrors?: RedisErrorReporter;
}

/**
 * Completed jobs are kept an hour so their job ids keep deduplicating: Slack retries an
 * event at once, after 1 minute and after 5 minutes. Failed ones stay a day for inspection.
 */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { age: 3_600 },
  removeOnFail: { age: 86_400 },
};

const DEFAULT_TIMEOUT_MS = 1_000;

/**
 * The job id is the dedupe key: BullMQ ignores an add whose id it already holds. BullMQ
 * rejects ids that are integers or contain `:` (reserved for its own repeat jobs), so
 * parts are joined with `_` and any `:` inside them (thread ids have them) becomes `~`.
 * The kind prefix also keeps the id from ever being a bare integer.
 */
export function jobIdFor(job: InteractionJob): string {
  const parts = job.kind === 'tick' ? [job.kind, job.dedupeKey] : [job.kind, job.platform, job.workspaceId, job.dedupeKey];
  return parts.map((part) => part.replaceAll(':', '~')).join('_');
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new QueueUnavailableError(`Redis did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The producer side of the interactions queue, used inside Slack's 3-second ack window.
 * It never waits for Redis: a connection that is not ready fails at once (the connection
 * has `enableOfflineQueue: false`), and a Redis that accepts the socket but never answers
 * fails after `timeoutMs`. Either way the caller gets a QueueUnavailableError to turn into
 * "try again in a minute". The connection keeps reconnecting in the background.
 */
export function createInteractionProducer(redisUrl: string, options: ProducerOptions = {}): InteractionProducer {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const log = options.logger ?? rootLogger.child({ component: 'producer' });
  const connection: RedisConnection = createProducerConnection(redisUrl, { connectTimeoutMs: timeoutMs, commandTimeoutMs: timeoutMs });
  const redisErrors = options.redisErrors ?? createRedisErrorReporter(log);
  // Without a listener ioredis prints every failed reconnect; the reporter logs the outage once, then with backoff.
  connection.on('error', (error: Error) => redisErrors.error('producer', error));
  connection.on('ready', () => redisErrors.ready('producer'));

  let queue: Queue | undefined;
  // BullMQ's Queue caches the outcome of its first connection handshake, so one that failed
  // (Redis dropped mid-handshake) would fail forever; such a queue is replaced.
  let queueReady: Promise<boolean> | undefined;
  const currentQueue = (): Queue => {
    if (!queue) {
      const created = new Queue(options.queueName ?? INTERACTIONS_QUEUE, { connection, prefix: options.prefix ?? QUEUE_PREFIX, defaultJobOptions: DEFAULT_JOB_OPTIONS });
      // The connection's own listener above already reports connection errors once.
      created.on('error', (error: Error) => log.debug('queue error (producer)', { error }));
      queue = created;
      queueReady = created.waitUntilReady().then(
        () => true,
        () => false,
      );
    }
    return queue;
  };
  const discardIfBroken = async (): Promise<void> => {
    const settled = await Promise.race([queueReady, Promise.resolve(undefined)]);
    if (settled === false && queue) {
      const broken = queue;
      queue = undefined;
      queueReady = undefined;
      await broken.close().catch(() => undefined);
    }
  };

  return {
    async enqueue(job, enqueueOptions = {}) {
      // A malformed job is a bug in the caller, not an outage: let zod's error through.
      const valid = interactionJobSchema.parse(job);
      if (connection.status !== 'ready') throw new QueueUnavailableError(`Redis connection is ${connection.status}`);
      const target = currentQueue();
      await inSpan(`enqueue ${valid.kind}`, SpanKind.PRODUCER, { 'messaging.system': 'bullmq', 'messaging.destination.name': target.name }, async () => {
        // The worker's span continues this trace from the job data.
        const carrier = currentTraceCarrier();
        const data = carrier ? { ...valid, trace: carrier } : valid;
        try {
          await withTimeout(target.add(valid.kind, data, { jobId: jobIdFor(valid), ...(enqueueOptions.delayMs ? { delay: enqueueOptions.delayMs } : {}) }), timeoutMs);
        } catch (error) {
          await discardIfBroken();
          if (error instanceof QueueUnavailableError) throw error;
          throw new QueueUnavailableError(error instanceof Error ? error.message : String(error), { cause: error });
        }
      });
    },
    async waitUntilReady(readyTimeoutMs = 5_000) {
      const deadline = Date.now() + readyTimeoutMs;
      while (connection.status !== 'ready') {
        if (Date.now() >= deadline || connection.status === 'end') return false;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      currentQueue();
      const ready = await Promise.race([queueReady, new Promise<false>((resolve) => setTimeout(() => resolve(false), Math.max(0, deadline - Date.now())).unref())]);
      if (ready !== true) await discardIfBroken();
      return ready === true;
    },
    async ping() {
      if (connection.status !== 'ready') return false;
      try {
        return (await withTimeout(connection.ping(), timeoutMs)) === 'PONG';
      } catch {
        return false;
      }
    },
    async close() {
      await queue?.close().catch(() => undefined);
      await closeConnection(connection);
    },
  };
}

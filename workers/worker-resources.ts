import { Queue } from 'bullmq';
import type { ChatSender, SenderRouter } from '../src/app/ports.ts';
import type { JobLockSettings } from '../src/config/index.ts';
import type { QuestionBank } from '../src/core/content/question-bank.ts';
import type { Logger } from '../src/infra/logger.ts';
import { createRedisErrorReporter, isRedisConnectionError, type RedisErrorReporter } from '../src/infra/redis-errors.ts';
import { closeConnection, createWorkerConnection, duplicateConnection, type RedisConnection } from '../src/infra/redis.ts';
import { createStores, type Stores } from '../src/store/index.ts';
import { storePrefixOf } from '../src/queue/names.ts';

/**
 * What every BullMQ worker here needs besides its processor: a worker-style connection
 * (shared when given, owned otherwise), the stores on a connection of their own, and the
 * queue it schedules follow-up jobs on.
 *
 * The stores get their own connection because BullMQ loads its Lua scripts onto the
 * connection it is given, and ioredis copies every loaded script into each multi() or
 * pipeline() made on it: the outbox and session writes would pay for that on every job.
 */
/** What every worker here is started with; each adds its own options. */
export interface BaseWorkerDeps {
  redisUrl: string;
  /** An existing worker-style connection (maxRetriesPerRequest: null); closed by its owner. */
  connection?: RedisConnection;
  /** BullMQ key prefix; tests pass a unique one. */
  prefix?: string;
  queueName?: string;
  /** Prefix of the stores' keys, shared by every worker (sessions, outbox). Default `<prefix without braces>:store` (storePrefixOf). */
  storePrefix?: string;
  /** One sender for every job, or one per platform (jobs name their platform). */
  sender: ChatSender | SenderRouter;
  bank: QuestionBank;
  logger?: Logger;
  now?: () => number;
  sessionTtlMs?: number;
  /** ANSWER_RETENTION_DAYS in ms (see SessionStore). */
  answerRetentionMs?: number;
  /** Jobs in flight per process. */
  concurrency?: number;
  /** One per process, shared by every connection, queue and worker: a Redis outage is logged once, then with backoff. */
  redisErrors?: RedisErrorReporter;
  /** The hold on a running job (OBS_JOB_LOCK_MS, OBS_JOB_STALLED_CHECK_MS); default BullMQ's 30 s each. */
  lock?: JobLockSettings;
}

/**
 * BullMQ Worker options for a job lock: a worker that dies mid-job keeps its job until the
 * lock lapses, and another worker's stalled-job check then puts it back to run again.
 */
export function lockOptions(lock: JobLockSettings | undefined): { lockDuration?: number; stalledInterval?: number } {
  return {
    ...(lock?.lockDurationMs === undefined ? {} : { lockDuration: lock.lockDurationMs }),
    ...(lock?.stalledCheckMs === undefined ? {} : { stalledInterval: lock.stalledCheckMs }),
  };
}

export interface WorkerResourceOptions {
  redisUrl: string;
  connection?: RedisConnection;
  prefix: string;
  queueName: string;
  storePrefix?: string;
  sessionTtlMs?: number;
  answerRetentionMs?: number;
  log: Logger;
  redisErrors?: RedisErrorReporter;
}

export interface WorkerResources {
  connection: RedisConnection;
  storeConnection: RedisConnection;
  stores: Stores;
  queue: Queue;
  redisErrors: RedisErrorReporter;
  /** Closes the queue and the connections this opened (not a connection it was given). */
  close(): Promise<void>;
}

export function openWorkerResources(options: WorkerResourceOptions): WorkerResources {
  const { log, prefix } = options;
  const ownsConnection = options.connection === undefined;
  const connection = options.connection ?? createWorkerConnection(options.redisUrl);
  const storeConnection = duplicateConnection(connection);
  const redisErrors = options.redisErrors ?? createRedisErrorReporter(log);
  storeConnection.on('error', (error: Error) => redisErrors.error('stores', error));
  storeConnection.on('ready', () => redisErrors.ready('stores'));
  const stores = createStores(storeConnection, { prefix: options.storePrefix ?? storePrefixOf(prefix), ...(options.sessionTtlMs ? { sessionTtlMs: options.sessionTtlMs } : {}), ...(options.answerRetentionMs ? { answerRetentionMs: options.answerRetentionMs } : {}) });
  const queue = new Queue(options.queueName, { connection, prefix });
  queue.on('error', (error: Error) => {
    if (isRedisConnectionError(error)) redisErrors.error(`queue ${options.queueName}`, error);
    else log.warn('queue error', { queue: options.queueName, error });
  });
  return {
    connection,
    storeConnection,
    stores,
    queue,
    redisErrors,
    async close() {
      await queue.close();
      await closeConnection(storeConnection);
      if (ownsConnection) await closeConnection(connection);
    },
  };
}

import { Redis, type RedisOptions } from 'ioredis';

/**
 * Redis connections, in two flavours, because the two sides of the queue want opposite
 * things from a connection that is down (see BullMQ's "going to production" guide):
 *
 * - A worker would rather wait: its blocking commands must survive a Redis restart, so
 *   `maxRetriesPerRequest: null` (BullMQ refuses anything else for workers).
 * - A producer runs inside Slack's 3-second ack window: it must fail at once so the user
 *   gets "try again in a minute" instead of a timeout. `enableOfflineQueue: false` makes a
 *   command on a disconnected client reject immediately; a short connect/command timeout
 *   covers a server that accepts the socket but never answers.
 *
 * Both keep reconnecting in the background, so the next request after Redis comes back works.
 */

/** Reconnect with a capped backoff: fast at first, never more than 2 s apart. */
function reconnectDelay(times: number): number {
  return Math.min(50 * 2 ** Math.min(times, 6), 2_000);
}

export function createWorkerConnection(url: string, overrides: RedisOptions = {}): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    retryStrategy: reconnectDelay,
    connectionName: 'obs-bot-worker',
    ...overrides,
  });
}

export interface ProducerConnectionOptions {
  /** How long one command may take before it fails; the ack budget is 3 s in total. */
  commandTimeoutMs?: number;
  /** How long the initial TCP connect may take. */
  connectTimeoutMs?: number;
}

export function createProducerConnection(url: string, options: ProducerConnectionOptions = {}): Redis {
  return new Redis(url, {
    enableOfflineQueue: false,
    // One retry at most: a producer never waits for a reconnect.
    maxRetriesPerRequest: 1,
    connectTimeout: options.connectTimeoutMs ?? 1_000,
    commandTimeout: options.commandTimeoutMs ?? 1_500,
    retryStrategy: reconnectDelay,
    connectionName: 'obs-bot-producer',
  });
}

/** A Redis URL safe to log: the password (if any) is masked. */
export function describeRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '[unparseable redis url]';
  }
}

/** Closes a connection politely, falling back to a hard disconnect when Redis is gone. */
export async function closeConnection(connection: Redis): Promise<void> {
  if (connection.status === 'end') return;
  try {
    await connection.quit();
  } catch {
    connection.disconnect();
  }
}

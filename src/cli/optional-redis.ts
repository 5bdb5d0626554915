import { Redis } from 'ioredis';

/**
 * A Redis the CLI may use if it answers, and does without if it does not. The CLI is run by
 * a person at a terminal: it must never hang on a Redis that is down, so the connection gets
 * a short connect timeout, no reconnects, no offline queue (a command on a dead connection
 * fails at once) and a short command timeout.
 */
export const REDIS_PROBE_TIMEOUT_MS = 500;

export type OptionalRedis = { ok: true; redis: Redis } | { ok: false; reason: string };

export async function connectIfAnswering(url: string, timeoutMs = REDIS_PROBE_TIMEOUT_MS): Promise<OptionalRedis> {
  let redis: Redis;
  try {
    redis = new Redis(url, {
      lazyConnect: true,
      connectTimeout: timeoutMs,
      commandTimeout: timeoutMs,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      retryStrategy: () => null,
      connectionName: 'obs-bot-cli',
    });
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
  // Without a listener ioredis prints connection errors itself; the caller reports the reason once.
  let lastError: string | undefined;
  redis.on('error', (error: Error) => {
    lastError = error.message;
  });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([redis.connect().then(() => redis.ping()), deadline]);
    return { ok: true, redis };
  } catch (error) {
    redis.disconnect();
    // ioredis rejects with "Connection is closed."; the socket's own error says more (ECONNREFUSED…).
    return { ok: false, reason: lastError ?? ((error as Error).message || 'unreachable') };
  } finally {
    clearTimeout(timer);
  }
}

/** Quits politely, or drops the socket when Redis went away meanwhile. */
export async function closeQuietly(redis: Redis): Promise<void> {
  if (redis.status === 'end') return;
  try {
    await redis.quit();
  } catch {
    redis.disconnect();
  }
}

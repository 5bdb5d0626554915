import { Cluster, Redis, type RedisOptions } from 'ioredis';
import { parseClusterTarget, type RedisConnection } from '../infra/redis.ts';

/**
 * A Redis the CLI may use if it answers, and does without if it does not. The CLI is run by
 * a person at a terminal: it must never hang on a Redis that is down, so the connection gets
 * a short connect timeout, no reconnects, no offline queue (a command on a dead connection
 * fails at once) and a short command timeout.
 */
export const REDIS_PROBE_TIMEOUT_MS = 500;

export type OptionalRedis = { ok: true; redis: RedisConnection } | { ok: false; reason: string };

/** A plain Redis for a redis:// URL, a Cluster client for a redis-cluster:// target; neither reconnects. */
function cliClient(target: string, timeoutMs: number): RedisConnection {
  const nodeOptions: RedisOptions = {
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    connectionName: 'obs-bot-cli',
  };
  const cluster = parseClusterTarget(target);
  if (!cluster) return new Redis(target, { ...nodeOptions, lazyConnect: true, enableOfflineQueue: false, retryStrategy: () => null });
  return new Cluster(cluster.nodes, {
    lazyConnect: true,
    enableOfflineQueue: false,
    clusterRetryStrategy: () => null,
    redisOptions: {
      ...nodeOptions,
      ...(cluster.username ? { username: cluster.username } : {}),
      ...(cluster.password ? { password: cluster.password } : {}),
      ...(cluster.tls ? { tls: {} } : {}),
    },
  });
}

export async function connectIfAnswering(target: string, timeoutMs = REDIS_PROBE_TIMEOUT_MS): Promise<OptionalRedis> {
  let redis: RedisConnection;
  try {
    redis = cliClient(target, timeoutMs);
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
export async function closeQuietly(redis: RedisConnection): Promise<void> {
  if (redis.status === 'end') return;
  try {
    await redis.quit();
  } catch {
    redis.disconnect();
  }
}

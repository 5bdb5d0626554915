import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';

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
 *
 * A Redis Cluster is named by a `redis-cluster://` target (config/redis-cluster.ts): the same
 * two flavours then come as ioredis Cluster clients, which BullMQ and our stores use alike.
 */

/** A single Redis or a Redis Cluster: both speak the commands our stores and BullMQ use. */
export type RedisConnection = Redis | Cluster;

const CLUSTER_SCHEMES = ['redis-cluster:', 'rediss-cluster:'] as const;

export interface ClusterTarget {
  nodes: { host: string; port: number }[];
  username?: string;
  password?: string;
  tls: boolean;
}

/** The nodes and credentials of a `redis-cluster://` target; undefined for a plain Redis URL. */
export function parseClusterTarget(target: string): ClusterTarget | undefined {
  const scheme = CLUSTER_SCHEMES.find((prefix) => target.startsWith(`${prefix}//`));
  if (!scheme) return undefined;
  const rest = target.slice(scheme.length + 2);
  const at = rest.lastIndexOf('@');
  const auth = at >= 0 ? rest.slice(0, at) : '';
  const [username, password] = auth.includes(':') ? [auth.slice(0, auth.indexOf(':')), auth.slice(auth.indexOf(':') + 1)] : [auth, ''];
  const nodes = rest
    .slice(at + 1)
    .split(',')
    .filter(Boolean)
    .map((node) => {
      const colon = node.lastIndexOf(':');
      return { host: node.slice(0, colon), port: Number(node.slice(colon + 1)) };
    });
  return {
    nodes,
    ...(username ? { username: decodeURIComponent(username) } : {}),
    ...(password ? { password: decodeURIComponent(password) } : {}),
    tls: scheme === 'rediss-cluster:',
  };
}

function clusterClient(cluster: ClusterTarget, nodeOptions: RedisOptions, options: ClusterOptions): Cluster {
  return new Cluster(cluster.nodes, {
    clusterRetryStrategy: reconnectDelay,
    ...options,
    redisOptions: {
      ...nodeOptions,
      ...(cluster.username ? { username: cluster.username } : {}),
      ...(cluster.password ? { password: cluster.password } : {}),
      ...(cluster.tls ? { tls: {} } : {}),
    },
  });
}

/** Reconnect with a capped backoff: fast at first, never more than 2 s apart. */
function reconnectDelay(times: number): number {
  return Math.min(50 * 2 ** Math.min(times, 6), 2_000);
}

export function createWorkerConnection(url: string, overrides: RedisOptions = {}): RedisConnection {
  const cluster = parseClusterTarget(url);
  if (cluster) return clusterClient(cluster, { maxRetriesPerRequest: null, connectionName: 'obs-bot-worker', ...overrides }, { enableReadyCheck: true });
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

export function createProducerConnection(url: string, options: ProducerConnectionOptions = {}): RedisConnection {
  const cluster = parseClusterTarget(url);
  if (cluster) {
    return clusterClient(
      cluster,
      { maxRetriesPerRequest: 1, connectTimeout: options.connectTimeoutMs ?? 1_000, commandTimeout: options.commandTimeoutMs ?? 1_500, connectionName: 'obs-bot-producer' },
      // Fail at once while the cluster is unreachable, as for a single Redis.
      { enableOfflineQueue: false },
    );
  }
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

/** A second connection with the same settings (the stores' own, beside BullMQ's). */
export function duplicateConnection(connection: RedisConnection): RedisConnection {
  return connection instanceof Cluster ? connection.duplicate() : connection.duplicate();
}

/** A Redis URL safe to log: the password (if any) is masked. */
export function describeRedisUrl(url: string): string {
  const cluster = parseClusterTarget(url);
  if (cluster) return `${url.slice(0, url.indexOf('//'))}//${cluster.password ? '***@' : ''}${cluster.nodes.map((node) => `${node.host}:${node.port}`).join(',')}`;
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '[unparseable redis url]';
  }
}

/** Closes a connection politely, falling back to a hard disconnect when Redis is gone. */
export async function closeConnection(connection: RedisConnection): Promise<void> {
  if (connection.status === 'end') return;
  try {
    await connection.quit();
  } catch {
    connection.disconnect();
  }
}

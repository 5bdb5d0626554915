import { Cluster } from 'ioredis';
import type { Redis } from 'ioredis';
import type { RedisConnection } from '../infra/redis.ts';
import { StoreKeys } from './keys.ts';

async function countOnNode(node: Redis, pattern: string): Promise<number> {
  let cursor = '0';
  let count = 0;
  do {
    const [next, keys] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', 1_000);
    cursor = next;
    count += keys.length;
  } while (cursor !== '0');
  return count;
}

/**
 * Counts session keys with SCAN (never KEYS, which blocks Redis): the active-sessions gauge.
 * Sessions expire with their TTL, so the count is the number of answerable threads. In a
 * cluster SCAN sees one node only, so each master is scanned and the counts added.
 */
export async function countSessions(redis: RedisConnection, storePrefix: string): Promise<number> {
  const pattern = new StoreKeys(storePrefix).sessionPattern();
  if (!(redis instanceof Cluster)) return countOnNode(redis, pattern);
  const counts = await Promise.all(redis.nodes('master').map((node) => countOnNode(node, pattern)));
  return counts.reduce((sum, count) => sum + count, 0);
}

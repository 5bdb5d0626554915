import type { Redis } from 'ioredis';
import { StoreKeys } from './keys.ts';

/**
 * Counts session keys with SCAN (never KEYS, which blocks Redis): the active-sessions gauge.
 * Sessions expire with their TTL, so the count is the number of answerable threads.
 */
export async function countSessions(redis: Redis, storePrefix: string): Promise<number> {
  const pattern = new StoreKeys(storePrefix).session('*');
  let cursor = '0';
  let count = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1_000);
    cursor = next;
    count += keys.length;
  } while (cursor !== '0');
  return count;
}

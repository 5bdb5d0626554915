import { Cluster, type Redis } from 'ioredis';
import type { RedisConnection } from './redis.ts';

/**
 * SCAN … MATCH over every key (never KEYS, which blocks Redis). In a cluster SCAN sees one
 * node, so each master is walked. SCAN may return a key twice: callers that count keep a set.
 */
export async function* scanKeys(redis: RedisConnection, pattern: string, count: number): AsyncGenerator<string> {
  const nodes: Redis[] = redis instanceof Cluster ? redis.nodes('master') : [redis];
  for (const node of nodes) {
    let cursor = '0';
    do {
      const [next, keys] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', count);
      cursor = next;
      yield* keys;
    } while (cursor !== '0');
  }
}

/** SCAN's MATCH is a glob: an id is matched literally, whatever it contains. */
export function globLiteral(text: string): string {
  return text.replace(/[*?[\]\\]/g, (char) => `\\${char}`);
}

/**
 * UNLINKs `keys` one by one (a multi-key UNLINK fails across cluster slots: CROSSSLOT) and
 * returns those that existed, for callers that report what they removed.
 */
export async function unlinkEach(redis: RedisConnection, keys: readonly string[]): Promise<string[]> {
  const removed = await Promise.all(keys.map((key) => redis.unlink(key)));
  return keys.filter((_, index) => removed[index] === 1);
}

import type { Redis } from 'ioredis';

/**
 * Every key matching `pattern` with everything it holds as text, whatever its type
 * (strings, hashes, lists, sets, sorted sets, streams), to assert that some text is
 * nowhere in Redis. SCAN, like the product: a test server may hold other tests' keys.
 */
export async function dumpKeys(redis: Redis, pattern: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    for (const key of keys) out.set(key, await contentOf(redis, key));
  } while (cursor !== '0');
  return out;
}

async function contentOf(redis: Redis, key: string): Promise<string> {
  switch (await redis.type(key)) {
    case 'string':
      return (await redis.get(key)) ?? '';
    case 'hash':
      return JSON.stringify(await redis.hgetall(key));
    case 'list':
      return JSON.stringify(await redis.lrange(key, 0, -1));
    case 'set':
      return JSON.stringify(await redis.smembers(key));
    case 'zset':
      return JSON.stringify(await redis.zrange(key, '0', '-1'));
    case 'stream':
      return JSON.stringify(await redis.xrange(key, '-', '+'));
    default:
      return '';
  }
}

/** The keys whose content contains `text`. */
export async function keysHolding(redis: Redis, pattern: string, text: string): Promise<string[]> {
  return [...(await dumpKeys(redis, pattern))].filter(([, content]) => content.includes(text)).map(([key]) => key).sort();
}

import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { inject } from 'vitest';

/** The Redis every test uses: the suite's own server, or REDIS_URL. */
export function testRedisUrl(): string {
  return inject('redisUrl');
}

/** A fresh prefix per test, so tests never collide and never need to flush a shared server. */
export function uniquePrefix(label = 'test'): string {
  return `${label}-${randomUUID().slice(0, 8)}`;
}

export function testRedis(): Redis {
  return new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
}

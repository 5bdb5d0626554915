import type { TestProject } from 'vitest/node';
import { startPrivateRedis } from './redis-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
  }
}

/**
 * Starts a private redis-server on a free port for the whole run, unless REDIS_URL is set.
 * Tests only ever flush a server this file started; with REDIS_URL they rely on unique
 * key prefixes and queue names instead.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.REDIS_URL) {
    project.provide('redisUrl', process.env.REDIS_URL);
    return async () => undefined;
  }
  const redis = await startPrivateRedis('obs-bot-test-redis');
  project.provide('redisUrl', redis.url);
  return () => redis.stop();
}

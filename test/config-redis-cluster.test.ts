import { describe, expect, it } from 'vitest';
import { ConfigError } from '../src/config/errors.ts';
import { loadConfig } from '../src/config/index.ts';
import { describeRedisUrl, parseClusterTarget } from '../src/infra/redis.ts';
import { hasHashTag, storePrefixOf } from '../src/queue/names.ts';

const SLACK = { SLACK_BOT_TOKEN: 'xoxb-1-2-clusterconfig', SLACK_SIGNING_SECRET: 'cluster-config-secret' };

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig({ ...SLACK, ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((problem) => `${problem.variable} ${problem.message}`);
    throw error;
  }
  return [];
}

describe('REDIS_CLUSTER_NODES', () => {
  it('turns the node list into a cluster target, with the password and TLS of REDIS_URL, masked in logs', () => {
    const config = loadConfig({ ...SLACK, REDIS_CLUSTER_NODES: 'redis-1:6379, redis-2:6380', REDIS_URL: 'rediss://:s3cret-pass@redis-1:6379' });
    expect(config.redisUrl).toBe('rediss-cluster://:s3cret-pass@redis-1:6379,redis-2:6380');
    expect(parseClusterTarget(config.redisUrl)).toEqual({ nodes: [{ host: 'redis-1', port: 6379 }, { host: 'redis-2', port: 6380 }], password: 's3cret-pass', tls: true });
    expect(describeRedisUrl(config.redisUrl)).toBe('rediss-cluster://***@redis-1:6379,redis-2:6380');
    expect(parseClusterTarget('redis://127.0.0.1:6379')).toBeUndefined();
  });

  it('is unset by default: REDIS_URL as it is', () => {
    expect(loadConfig({ ...SLACK, REDIS_URL: 'redis://127.0.0.1:7000' }).redisUrl).toBe('redis://127.0.0.1:7000');
  });

  it('refuses a node that is not host:port, naming the rule', () => {
    const found = problems({ REDIS_CLUSTER_NODES: 'redis-1:6379,redis-2' });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^REDIS_CLUSTER_NODES must be a comma-separated list of host:port/);
  });

  it('refuses a queue prefix without a hash tag on a cluster, and accepts one with it', () => {
    expect(problems({ REDIS_CLUSTER_NODES: 'redis-1:6379', OBS_QUEUE_PREFIX: 'obs' })).toEqual([expect.stringMatching(/^OBS_QUEUE_PREFIX must contain a hash tag in braces/)]);
    expect(problems({ REDIS_CLUSTER_NODES: 'redis-1:6379', OBS_QUEUE_PREFIX: '{team-a}' })).toEqual([]);
    expect(problems({ OBS_QUEUE_PREFIX: 'obs' })).toEqual([]);
  });
});

describe('key prefixes', () => {
  it('keeps the queue hash tag off the store keys, so they spread over a cluster', () => {
    expect(hasHashTag('{obs}')).toBe(true);
    expect(hasHashTag('obs')).toBe(false);
    expect(hasHashTag('{}')).toBe(false);
    expect(storePrefixOf('{obs}')).toBe('obs:store');
    expect(storePrefixOf('test-1')).toBe('test-1:store');
  });
});

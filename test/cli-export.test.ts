import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { createStores } from '../src/store/index.ts';
import { EXIT_CONFIG } from '../src/infra/startup.ts';
import { freePort } from './helpers/redis-server.ts';
import { testRedis, testRedisUrl, uniquePrefix } from './helpers/redis.ts';
import { runCli } from './helpers/run-cli.ts';

/**
 * `obs-bot export --user ID` as an operator runs it: the real binary against a real Redis
 * holding two people's data, written by the real stores; only the named person's comes out.
 */
const redis: Redis = testRedis();
const prefix = uniquePrefix('export');
const NOW = Date.UTC(2026, 5, 1, 12);

beforeAll(async () => {
  const stores = createStores(redis, { prefix: `${prefix}:store` });
  for (const userId of ['UEXP1', 'UEXP2']) {
    await stores.history.record({ workspaceId: 'T1', userId, answerId: `a-${userId}`, sessionId: 'slack:T1:C1:1.1', topic: 'tracing', coverage: 60, at: NOW });
    await stores.daily.answers.record({ channelKey: 'slack:T1:C1', workspaceId: 'T1', userId, localDate: '2026-06-01', pointsCovered: 3 });
  }
  await stores.daily.publicStats.set('T1', 'UEXP1', true);
});

afterAll(() => redis.quit());

describe('obs-bot export', () => {
  it('prints the person’s stored history as JSON, and nobody else’s', async () => {
    const run = await runCli(['export', '--user', 'UEXP1'], { env: { REDIS_URL: testRedisUrl(), OBS_QUEUE_PREFIX: prefix } });
    expect(run.code, run.stderr).toBe(0);
    const exported = JSON.parse(run.stdout) as { platform: string; userId: string; records: Record<string, unknown>; publicStatsIn: string[] };
    expect(exported).toMatchObject({ platform: 'slack', userId: 'UEXP1', publicStatsIn: ['T1'] });
    expect(exported.records['history:{T1:UEXP1}:sessions']).toEqual({ 'slack:T1:C1:1.1': 'tracing\t60' });
    expect(exported.records['history:{T1:UEXP1}:totals']).toEqual({ answers: '1' });
    expect(exported.records['daily:answers:{slack:T1:C1}:UEXP1']).toEqual({ '2026-06-01': '3' });
    expect(run.stdout).not.toContain('UEXP2');
  }, 30_000);

  it('says what is wrong with the arguments, or with Redis, without a stack trace', async () => {
    const missing = await runCli(['export'], { env: { REDIS_URL: testRedisUrl() } });
    expect(missing.code).toBe(EXIT_CONFIG);
    expect(missing.stderr).toContain('--user is required');
    const platform = await runCli(['export', '--user', 'U1', '--platform', 'teams'], { env: { REDIS_URL: testRedisUrl() } });
    expect(platform.stderr).toContain('--platform must be slack or discord');
    const down = await runCli(['export', '--user', 'U1'], { env: { REDIS_URL: `redis://127.0.0.1:${await freePort()}` } });
    expect(down.code).toBe(EXIT_CONFIG);
    expect(down.stderr).toMatch(/Redis at redis:\/\/127\.0\.0\.1:\d+\/? does not answer/);
    for (const run of [missing, platform, down]) expect(run.stderr).not.toMatch(/\n\s+at /);
  }, 30_000);
});

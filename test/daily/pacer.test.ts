import { afterAll, describe, expect, it } from 'vitest';
import { DailyKeys, WorkspacePacer } from '../../src/store/index.ts';
import { testRedis, uniquePrefix } from '../helpers/redis.ts';

const redis = testRedis();
afterAll(() => redis.disconnect());

describe('WorkspacePacer (per-workspace posting pace, shared through Redis)', () => {
  it('lets a burst through, then books one slot per interval, so waits are spread evenly', async () => {
    const pacer = new WorkspacePacer(redis, new DailyKeys(uniquePrefix('pace')), { perSecond: 5, burst: 10 });
    const waits = await Promise.all(Array.from({ length: 20 }, () => pacer.reserve('T1')));
    const sorted = [...waits].sort((a, b) => a - b);
    expect(sorted.slice(0, 10)).toEqual(new Array(10).fill(0));
    // Then 200 ms apart (5/s), give or take the milliseconds between the calls.
    for (let index = 10; index < 20; index += 1) {
      expect(sorted[index]).toBeGreaterThanOrEqual((index - 9) * 200 - 50);
      expect(sorted[index]).toBeLessThanOrEqual((index - 9) * 200);
    }
  });

  it('keeps workspaces apart', async () => {
    const pacer = new WorkspacePacer(redis, new DailyKeys(uniquePrefix('pace')), { perSecond: 1, burst: 1 });
    expect(await pacer.reserve('T1')).toBe(0);
    expect(await pacer.reserve('T2')).toBe(0);
    expect(await pacer.reserve('T1')).toBeGreaterThan(900);
  });

  it('after a 429, no slot sooner than Retry-After', async () => {
    const pacer = new WorkspacePacer(redis, new DailyKeys(uniquePrefix('pace')), { perSecond: 100, burst: 5 });
    await pacer.penalize('T1', 3_000);
    expect(await pacer.reserve('T1')).toBeGreaterThanOrEqual(2_950);
    expect(await pacer.reserve('T2')).toBe(0);
  });
});

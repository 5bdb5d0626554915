import { afterAll, describe, expect, it } from 'vitest';
import { RedisScript } from '../src/store/scripts.ts';
import { WriteBatch } from '../src/store/write-batch.ts';
import { testRedis, uniquePrefix } from './helpers/redis.ts';

/**
 * WriteBatch: stores' scripts and plain commands, run in order in one script (the outbox's
 * records with the writes they record). Each entry sees its own KEYS and ARGV; a failing
 * command fails the batch.
 */
const redis = testRedis();

afterAll(() => {
  redis.disconnect();
});

/** A script that reads what the batch wrote before it, and keeps only its first call. */
const APPEND_IF_ABSENT = new RedisScript(`
if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
redis.call('SET', KEYS[2], (redis.call('GET', KEYS[1]) or '') .. ARGV[1], 'PX', ARGV[2])
return 1
`, 2);
const COUNT = new RedisScript(`return redis.call('INCRBY', KEYS[1], ARGV[1])`, 1);

describe('a write batch', () => {
  it('runs scripts and commands in order, each with its own keys and args', async () => {
    const p = uniquePrefix('batch');
    await new WriteBatch()
      .call('SET', [`${p}:a`], 'first-')
      .script(APPEND_IF_ABSENT, [`${p}:a`, `${p}:b`], ['then', 60_000])
      .script(APPEND_IF_ABSENT, [`${p}:a`, `${p}:b`], ['never', 60_000])
      .script(COUNT, [`${p}:n`], [2])
      .call('HSET', [`${p}:h`], 'f1', 'v1', 'f2', 'v2')
      .call('PEXPIRE', [`${p}:h`], 60_000)
      .script(COUNT, [`${p}:n`], [3])
      .call('DEL', [`${p}:a`])
      .run(redis);
    expect(await redis.get(`${p}:b`)).toBe('first-then');
    expect(await redis.pttl(`${p}:b`)).toBeGreaterThan(50_000);
    expect(await redis.get(`${p}:n`)).toBe('5');
    expect(await redis.hgetall(`${p}:h`)).toEqual({ f1: 'v1', f2: 'v2' });
    expect(await redis.pttl(`${p}:h`)).toBeGreaterThan(50_000);
    expect(await redis.exists(`${p}:a`)).toBe(0);
  });

  it('works with commands only, and with KEEPTTL and XX as the outbox uses them', async () => {
    const p = uniquePrefix('batch');
    await redis.set(`${p}:plan`, 'plan', 'PX', 60_000);
    await new WriteBatch().call('SET', [`${p}:plan`], 'done', 'KEEPTTL', 'XX').call('SET', [`${p}:absent`], 'x', 'KEEPTTL', 'XX').run(redis);
    expect(await redis.get(`${p}:plan`)).toBe('done');
    expect(await redis.pttl(`${p}:plan`)).toBeGreaterThan(50_000);
    expect(await redis.exists(`${p}:absent`)).toBe(0);
  });

  it('throws when a command fails, and runs nothing after it', async () => {
    const p = uniquePrefix('batch');
    await redis.set(`${p}:s`, 'a string');
    const failing = new WriteBatch().call('SET', [`${p}:before`], '1').call('HSET', [`${p}:s`], 'f', 'v').call('SET', [`${p}:after`], '1');
    await expect(failing.run(redis)).rejects.toThrow(/WRONGTYPE/);
    expect(await redis.exists(`${p}:after`)).toBe(0);
  });

  it('an empty batch sends nothing', async () => {
    const batch = new WriteBatch();
    expect(batch.length).toBe(0);
    await batch.run(redis);
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import { createStores } from '../src/store/index.ts';
import { testRedis, uniquePrefix } from './helpers/redis.ts';

/**
 * OutboxStore.create stores a plan once per event, and the progress given with it only
 * when the plan is the one it stored: a job that loses the race to an earlier plan must
 * not mark that plan's steps.
 */
const redis = testRedis();

afterAll(() => {
  redis.disconnect();
});

describe('outbox: a plan created with its first progress', () => {
  it('writes the plan and the given fields together, with the outbox TTL', async () => {
    const stores = createStores(redis, { prefix: uniquePrefix('outbox-create') });
    const result = await stores.outbox.create('T1', 'Ev1', '{"v":1,"steps":[]}', [['root#attempted', '1700000000000']]);
    expect(result).toEqual({ created: true, planJson: '{"v":1,"steps":[]}' });
    expect(await stores.outbox.get('T1', 'Ev1')).toBe('{"v":1,"steps":[]}');
    expect(await stores.outbox.progress('T1', 'Ev1')).toEqual(new Map([['root#attempted', '1700000000000']]));
    const ttl = await redis.pttl(stores.keys.outboxProgress('T1', 'Ev1'));
    expect(ttl).toBeGreaterThan(stores.outbox.ttlMs - 60_000);
    expect(ttl).toBeLessThanOrEqual(stores.outbox.ttlMs);
  });

  it('returns the earlier plan and leaves its progress alone when one exists', async () => {
    const stores = createStores(redis, { prefix: uniquePrefix('outbox-create') });
    await stores.outbox.create('T1', 'Ev1', '{"v":1,"first":true,"steps":[]}');
    await stores.outbox.record('T1', 'Ev1', 'root', '1700000000.000100');
    const second = await stores.outbox.create('T1', 'Ev1', '{"v":1,"second":true,"steps":[]}', [['root#attempted', '1700000000000']]);
    expect(second).toEqual({ created: false, planJson: '{"v":1,"first":true,"steps":[]}' });
    expect(await stores.outbox.progress('T1', 'Ev1')).toEqual(new Map([['root', '1700000000.000100']]));
  });

  it('writes no progress key when none is given', async () => {
    const stores = createStores(redis, { prefix: uniquePrefix('outbox-create') });
    expect((await stores.outbox.create('T1', 'Ev1', '{"v":1,"steps":[]}')).created).toBe(true);
    expect(await redis.exists(stores.keys.outboxProgress('T1', 'Ev1'))).toBe(0);
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import { createStores } from '../src/store/index.ts';
import { PostPacer, UNBOUNDED_POST_PACES } from '../src/store/post-pacer.ts';
import { testRedis, uniquePrefix } from './helpers/redis.ts';

/**
 * DedupeStore.claimAndLoad with a plan decided before the claim (plan-ahead.ts): stored
 * with a first claim that may post at once, as OutboxStore.create stores it; never for a
 * duplicate or a re-run, never over a stored plan, never for a job paced for later (which
 * decides when it comes back).
 */
const redis = testRedis();

afterAll(() => {
  redis.disconnect();
});

const PLAN = '{"v":1,"ahead":true,"steps":[]}';

function setup(): { stores: ReturnType<typeof createStores>; plan: { json: string; ttlMs: number; maxWaitMs: number; progress: [string, string][] } } {
  const stores = createStores(redis, { prefix: uniquePrefix('claim-plan') });
  return { stores, plan: { json: PLAN, ttlMs: stores.outbox.ttlMs, maxWaitMs: 5, progress: [['root#attempted', '1700000000000']] } };
}

describe('claim with a plan decided ahead', () => {
  it('a first claim stores the plan and its progress, with the outbox TTL, and reads the progress from before', async () => {
    const { stores, plan } = setup();
    const start = await stores.dedupe.claimAndLoad('T1', 'Ev1', 'job-1', undefined, plan);
    expect(start).toMatchObject({ claim: 'first', planStored: true, progress: new Map() });
    expect(start.planJson).toBeUndefined();
    expect(await stores.outbox.get('T1', 'Ev1')).toBe(PLAN);
    expect(await stores.outbox.progress('T1', 'Ev1')).toEqual(new Map([['root#attempted', '1700000000000']]));
    const ttl = await redis.pttl(stores.keys.outboxProgress('T1', 'Ev1'));
    expect(ttl).toBeGreaterThan(stores.outbox.ttlMs - 60_000);
    expect(await redis.pttl(stores.keys.outbox('T1', 'Ev1'))).toBeGreaterThan(stores.outbox.ttlMs - 60_000);
  });

  it('a duplicate and a re-run store nothing', async () => {
    const { stores, plan } = setup();
    await stores.dedupe.claimAndLoad('T1', 'Ev1', 'job-1');
    const duplicate = await stores.dedupe.claimAndLoad('T1', 'Ev1', 'job-2', undefined, plan);
    expect(duplicate).toMatchObject({ claim: 'duplicate', planStored: false });
    const rerun = await stores.dedupe.claimAndLoad('T1', 'Ev1', 'job-1', undefined, plan);
    expect(rerun).toMatchObject({ claim: 'rerun', planStored: false });
    expect(await redis.exists(stores.keys.outbox('T1', 'Ev1'), stores.keys.outboxProgress('T1', 'Ev1'))).toBe(0);
  });

  it('a stored plan wins and comes back with its own progress', async () => {
    const { stores, plan } = setup();
    await stores.outbox.create('T1', 'Ev1', '{"v":1,"earlier":true,"steps":[]}');
    await stores.outbox.record('T1', 'Ev1', 'root', '1700000000.000100');
    const start = await stores.dedupe.claimAndLoad('T1', 'Ev1', 'job-1', undefined, plan);
    expect(start).toMatchObject({ claim: 'first', planStored: false, planJson: '{"v":1,"earlier":true,"steps":[]}', progress: new Map([['root', '1700000000.000100']]) });
    expect(await stores.outbox.progress('T1', 'Ev1')).toEqual(new Map([['root', '1700000000.000100']]));
  });

  it('with a pace booking: stored when the slot is now, not when the job must wait for it', async () => {
    const { stores, plan } = setup();
    const pacer = new PostPacer(redis, stores.keys.prefix, { slack: { workspace: UNBOUNDED_POST_PACES.workspace, channel: { perSecond: 1, burst: 1 } } });
    const booking = pacer.booking('slack', 'T1', 'C1');
    const now = await stores.dedupe.claimAndLoad('T1', 'Ev1', 'job-1', booking, plan);
    expect(now).toMatchObject({ claim: 'first', planStored: true, paceWaitMs: 0 });
    const later = await stores.dedupe.claimAndLoad('T1', 'Ev2', 'job-2', booking, plan);
    expect(later.claim).toBe('first');
    expect(later.paceWaitMs).toBeGreaterThan(plan.maxWaitMs);
    expect(later.planStored).toBe(false);
    expect(await redis.exists(stores.keys.outbox('T1', 'Ev2'), stores.keys.outboxProgress('T1', 'Ev2'))).toBe(0);
  });
});

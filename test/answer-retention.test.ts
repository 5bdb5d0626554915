import type { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/index.ts';
import { startSession } from '../src/core/interview/engine.ts';
import type { SessionState } from '../src/core/interview/session-state.ts';
import { createStores, DAY_MS } from '../src/store/index.ts';
import { sessionTtlFor } from '../src/store/session-store.ts';
import { sampleQuestion } from './fixtures/sample-question.ts';
import { testRedis, uniquePrefix } from './helpers/redis.ts';

/**
 * ANSWER_RETENTION_DAYS: answer text lives only in session state, so no session outlives its
 * oldest answer by more than the retention period, however active the thread stays.
 */
const redis: Redis = testRedis();
afterAll(() => redis.quit());

const T0 = Date.UTC(2026, 0, 1);
function withAnswerAt(at: number, lastActivityAt: number): SessionState {
  const state = startSession({ id: 'slack:T1:C1:1.1', question: sampleQuestion, mode: 'channel', now: T0 }).state;
  return { ...state, lastActivityAt, answers: [{ by: 'U1', at, excerpt: 'my answer text', scorer: 'keyword', score: 10, points: [] }] };
}

describe('answer retention', () => {
  it('reads ANSWER_RETENTION_DAYS (default 90) and says the rule when it is wrong', () => {
    const env = { SLACK_BOT_TOKEN: 'xoxb-1111-2222-retentiontesttoken', SLACK_SIGNING_SECRET: 'retention-secret-123' };
    expect(loadConfig(env).answerRetentionDays).toBe(90);
    expect(loadConfig({ ...env, ANSWER_RETENTION_DAYS: '30' }).answerRetentionDays).toBe(30);
    expect(() => loadConfig({ ...env, ANSWER_RETENTION_DAYS: '0' })).toThrow(/ANSWER_RETENTION_DAYS.*whole number of days from 1 to 3650/);
  });

  it('a session lives its idle TTL, but never past its oldest answer’s retention', () => {
    const retention = 90 * DAY_MS;
    expect(sessionTtlFor(withAnswerAt(T0, T0), 30 * DAY_MS, retention)).toBe(30 * DAY_MS);
    expect(sessionTtlFor(withAnswerAt(T0, T0 + 80 * DAY_MS), 30 * DAY_MS, retention)).toBe(10 * DAY_MS);
    // Already due: gone at once.
    expect(sessionTtlFor(withAnswerAt(T0, T0 + 95 * DAY_MS), 30 * DAY_MS, retention)).toBe(1);
    // No answers yet: the shorter of the two.
    expect(sessionTtlFor({ ...withAnswerAt(T0, T0), answers: [] }, 30 * DAY_MS, 7 * DAY_MS)).toBe(7 * DAY_MS);
  });

  it('the session store sets that TTL in Redis on create and on every commit', async () => {
    const prefix = uniquePrefix('retention');
    const stores = createStores(redis, { prefix, sessionTtlMs: 30 * DAY_MS, answerRetentionMs: 90 * DAY_MS });
    const id = 'slack:T1:C1:1.1';
    await stores.sessions.createIfAbsent(id, withAnswerAt(T0, T0));
    const key = stores.keys.session(id);
    expect(await redis.pttl(key)).toBeGreaterThan(29 * DAY_MS);
    const current = await stores.sessions.get(id);
    const result = await stores.sessions.commit(id, current!.version, withAnswerAt(T0, T0 + 85 * DAY_MS), { key: `${prefix}:plan`, value: '{}', ttlMs: 60_000 });
    expect(result).toBe('committed');
    const ttl = await redis.pttl(key);
    expect(ttl).toBeGreaterThan(4 * DAY_MS);
    expect(ttl).toBeLessThanOrEqual(5 * DAY_MS);
  });
});

import type { Redis } from 'ioredis';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { startSession } from '../src/core/interview/engine.ts';
import type { AnswerRecord, SessionState } from '../src/core/interview/session-state.ts';
import { encodeThreadId } from '../src/core/thread-id.ts';
import { createStores, type Stores } from '../src/store/index.ts';
import { DONE_PLAN } from '../src/store/outbox-store.ts';
import { PeerPeopleStore } from '../src/store/peer-people-store.ts';
import { PeerPoolStore } from '../src/store/peer-pool-store.ts';
import { EXCERPT_CHARS } from '../src/core/interview/session-state.ts';
import { FORGOTTEN_PERSON, ForgottenRecords, totalOf, UserDataStore, type CachedAnswerRefs } from '../src/store/user-data-store.ts';
import { sampleQuestion } from './fixtures/sample-question.ts';
import { dumpKeys } from './helpers/redis-dump.ts';
import { testRedis, uniquePrefix } from './helpers/redis.ts';

/**
 * Finding, exporting and deleting one person's data in a real Redis, written by the real
 * stores: everything keyed by them goes, their entries leave shared records, and everyone
 * else's data stays byte for byte.
 */
const redis: Redis = testRedis();
let prefix: string;
let stores: Stores;
let users: UserDataStore;
const NOW = Date.UTC(2026, 5, 1, 12);
const ME = 'UFORGET1';
const OTHER = 'UKEEP2';

afterAll(() => redis.quit());

function answer(by: string, excerpt: string): AnswerRecord {
  return { by, at: NOW, excerpt, scorer: 'keyword', score: 50, points: [] };
}

function session(id: string, mode: SessionState['mode'], extra: Partial<SessionState>): SessionState {
  return { ...startSession({ id, question: sampleQuestion, mode, now: NOW }).state, ...extra };
}

const thread = (channel: string, ts: string) => encodeThreadId({ platform: 'slack', workspace: 'T1', channel, thread: ts });
const shared = thread('C1', '1.000001');
const mine = thread('C1', '1.000002');
const theirs = thread('C1', '1.000003');

async function seed(): Promise<void> {
  for (const userId of [ME, OTHER]) {
    await stores.history.record({ workspaceId: 'T1', userId, answerId: `a-${userId}`, sessionId: shared, topic: 'tracing', coverage: 50, at: NOW });
    await stores.selfAssessments.record({ workspaceId: 'T1', userId, sessionId: shared, questionId: sampleQuestion.id, pointId: 'overhead', rating: 'got', at: NOW });
    await stores.daily.answers.record({ channelKey: 'slack:T1:C1', workspaceId: 'T1', userId, localDate: '2026-06-01', pointsCovered: 2 });
    await stores.daily.publicStats.set('T1', userId, true);
  }
  await stores.sessions.createIfAbsent(shared, session(shared, 'channel', { answers: [answer(ME, 'my words about tail sampling'), answer(OTHER, 'their words')], hints: [{ to: ME }, { to: OTHER }] }));
  await stores.sessions.createIfAbsent(mine, session(mine, 'mock', { candidateId: ME, answers: [answer(ME, 'my mock answer')] }));
  await stores.sessions.createIfAbsent(theirs, session(theirs, 'mock', { candidateId: OTHER, answers: [answer(OTHER, 'their mock answer')] }));
  const people = new PeerPeopleStore(redis, `${prefix}:store`);
  await people.markSeen('slack', 'T1', [ME, OTHER], sampleQuestion.id);
  await people.rate('slack', 'T1', ME, 'candidate', 's1:UX', 4);
  const pool = new PeerPoolStore(redis, `${prefix}:store`);
  await pool.join('slack:T1:C1', ME);
  await pool.join('slack:T1:C1', OTHER);
  // Unfinished plans (a reply not yet sent quotes the answer), one finished one, and ME's id on Discord.
  await stores.outbox.create('T1', 'answer:C1:1.1', planFor('slack', ME, 'my words about tail sampling'), [['react', '1']]);
  await stores.outbox.create('T2', 'answer:C7:1.2', planFor('slack', ME, 'my words in another workspace'));
  await stores.outbox.create('T1', 'answer:C1:1.3', planFor('slack', OTHER, 'their words'), [['react', '1']]);
  await stores.outbox.create('900', 'answer:C9:1.4', planFor('discord', ME, 'my discord words'));
  await stores.outbox.create('T1', 'command:done-1', DONE_PLAN);
}

/** A plan as the worker stores it: it names its person, and its feedback quotes the answer. */
function planFor(platform: 'slack' | 'discord', userId: string, quote: string): string {
  const feedback = { type: 'text', text: `You wrote “${quote}”.` };
  return JSON.stringify({ v: 1, platform, workspaceId: 'T1', eventKey: 'e', userId, steps: [{ kind: 'ephemeral', key: 'feedback', channelId: 'C1', userId, content: { parts: [feedback] } }] });
}

/** Every key under the prefix with its content, to prove the other person's data is untouched. */
async function snapshot(match: (key: string) => boolean): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const key of (await redis.keys(`${prefix}:*`)).filter(match).sort()) {
    const type = await redis.type(key);
    out[key] = type === 'hash' ? await redis.hgetall(key) : type === 'set' ? (await redis.smembers(key)).sort() : await redis.get(key);
  }
  return out;
}

beforeEach(async () => {
  prefix = uniquePrefix('forget');
  stores = createStores(redis, { prefix: `${prefix}:store` });
  users = new UserDataStore(redis, `${prefix}:store`);
  await seed();
});

describe('UserDataStore', () => {
  it('exports the person’s records and their own answers, nobody else’s', async () => {
    const exported = await users.export('slack', ME, NOW);
    expect(exported).toMatchObject({ platform: 'slack', userId: ME, publicStatsIn: ['T1'] });
    const keys = Object.keys(exported.records);
    expect(keys).toEqual(expect.arrayContaining([`history:{T1:${ME}}:answers`, `history:{T1:${ME}}:sessions`, `history:{T1:${ME}}:self`, `daily:answers:{slack:T1:C1}:${ME}`, `daily:user-channels:T1:${ME}`, `peer:seen:{slack:T1:${ME}}`, `peer:rated:{slack:T1:${ME}}:candidate`, 'pair:{slack:T1:C1}:members']));
    expect(JSON.stringify(exported)).not.toContain(OTHER);
    expect(exported.sessions.map((entry) => [entry.id, entry.role, entry.answers.length]).sort()).toEqual([
      [shared, 'answerer', 1],
      [mine, 'candidate', 1],
    ]);
    expect(JSON.stringify(exported)).toContain('my words about tail sampling');
    expect(JSON.stringify(exported)).not.toContain('their words');
  });

  it('forgets everything keyed by the person, takes them out of shared records, and leaves the other person alone', async () => {
    const others = await snapshot((key) => key.includes(OTHER) && !key.includes(ME));
    expect(Object.keys(others).length).toBeGreaterThan(3);

    const counts = await users.forget('slack', ME);
    expect(counts).toEqual({ sessions: 1, answers: 1, history: 5, daily: 3, peer: 3, publicStats: 1, plans: 2 });

    expect(await redis.keys(`${prefix}:*${ME}*`)).toEqual([]);
    expect(await stores.sessions.get(mine)).toBeUndefined();
    const left = await stores.sessions.get(shared);
    expect(left?.state.answers.map((record) => record.by)).toEqual([OTHER]);
    expect(left?.state.hints).toEqual([{ to: OTHER }]);
    expect(await stores.daily.answers.answerers('slack:T1:C1')).toEqual([OTHER]);
    expect(await redis.smembers(`${prefix}:store:public-stats:T1`)).toEqual([OTHER]);
    expect(Object.keys(await redis.hgetall(`${prefix}:store:pair:{slack:T1:C1}:members`))).toEqual([OTHER]);
    expect(await snapshot((key) => key.includes(OTHER) && !key.includes(ME))).toEqual(others);
    expect((await stores.history.stats('T1', OTHER, NOW)).answers).toBe(1);
  });

  it('marks their unfinished outbox plans finished and deletes their progress, in every workspace; others’ plans, their Discord plan and finished plans stay', async () => {
    const plans = `${prefix}:store:outbox:`;
    await users.forget('slack', ME);
    expect(await stores.outbox.get('T1', 'answer:C1:1.1')).toBe(DONE_PLAN);
    expect(await redis.exists(`${plans}{T1}:answer:C1:1.1:progress`)).toBe(0);
    expect(await stores.outbox.get('T2', 'answer:C7:1.2')).toBe(DONE_PLAN);
    expect(await stores.outbox.get('T1', 'answer:C1:1.3')).toContain('their words');
    expect(await redis.hgetall(`${plans}{T1}:answer:C1:1.3:progress`)).toEqual({ react: '1' });
    expect(await stores.outbox.get('900', 'answer:C9:1.4')).toContain('my discord words');
    expect(await stores.outbox.get('T1', 'command:done-1')).toBe(DONE_PLAN);
    const everything = [...(await dumpKeys(redis, `${prefix}:*`)).values()].join('\n');
    expect(everything).not.toContain('my words');
    expect(everything).toContain('their words');
  });

  it('is idempotent: a second forget finds nothing', async () => {
    expect(totalOf(await users.forget('slack', ME))).toBeGreaterThan(0);
    expect(totalOf(await users.forget('slack', ME))).toBe(0);
  });

  it('leaves the other platform’s platform-keyed records alone (sessions, daily answers, peer)', async () => {
    expect(await users.forget('discord', ME)).toMatchObject({ sessions: 0, answers: 0, peer: 0, plans: 1 });
    expect(await stores.outbox.get('T1', 'answer:C1:1.1')).toContain('my words');
    expect(await stores.sessions.get(mine)).toBeDefined();
    expect(await redis.exists(`${prefix}:store:daily:answers:{slack:T1:C1}:${ME}`)).toBe(1);
  });

  it('blanks the follow-ups asked of them in a shared session (they may quote their answer), in place; others’ stay', async () => {
    const followUps = thread('C1', '1.000009');
    const base = session(followUps, 'channel', {});
    await stores.sessions.createIfAbsent(followUps, {
      ...base,
      asked: [
        ...base.asked,
        { kind: 'follow-up', text: 'You mentioned “my words about tail sampling”. Which traces do you keep?', to: ME, source: 'dig-in', at: NOW },
        { kind: 'follow-up', text: 'You mentioned “their words”. Why?', to: OTHER, source: 'dig-in', at: NOW },
      ],
      answers: [answer(ME, 'my words about tail sampling'), { ...answer(OTHER, 'their words'), prompt: 2 }],
    });
    await users.forget('slack', ME);
    const asked = (await stores.sessions.get(followUps))?.state.asked ?? [];
    // Same length and order: the other person's answer still points at its follow-up (index 2).
    expect(asked.map((prompt) => [prompt.to, prompt.text])).toEqual([
      [undefined, base.asked[0]?.text],
      [FORGOTTEN_PERSON, ''],
      [OTHER, 'You mentioned “their words”. Why?'],
    ]);
    expect((await stores.sessions.get(followUps))?.state.answers.map((record) => [record.by, record.prompt])).toEqual([[OTHER, 2]]);
  });

  it('counts a record once over two passes: keys written back between them, and new answers', async () => {
    const records = new ForgottenRecords();
    const first = await users.forget('slack', ME, { into: records });
    expect(first).toMatchObject({ sessions: 1, answers: 1, history: 5 });
    // What a job still running during the first pass writes back afterwards: its history (the same keys) and its answer.
    await stores.history.record({ workspaceId: 'T1', userId: ME, answerId: 'a-late', sessionId: shared, topic: 'tracing', coverage: 60, at: NOW });
    const state = (await stores.sessions.get(shared))!;
    await redis.hset(stores.keys.session(shared), 'state', JSON.stringify({ ...state.state, answers: [...state.state.answers, answer(ME, 'my late answer')] }));
    expect((await dumpKeys(redis, `${prefix}:store:history:*${ME}*`)).size).toBeGreaterThan(0);

    const both = await users.forget('slack', ME, { into: records });
    expect(both).toEqual({ ...first, answers: 2 });
    expect((await dumpKeys(redis, `${prefix}:store:history:*${ME}*`)).size).toBe(0);
  });

  it('hands over their answers as the LLM cache knows them, before deleting anything: whole texts, and the hash kept for a long one; not others’, not cut ones', async () => {
    const cut = thread('C1', '1.000010');
    await stores.sessions.createIfAbsent(cut, session(cut, 'channel', { answers: [answer(ME, 'x'.repeat(EXCERPT_CHARS)), { ...answer(ME, 'y'.repeat(EXCERPT_CHARS)), cacheHash: 'hash-of-my-long-answer' }, { ...answer(OTHER, 'z'), cacheHash: 'hash-of-theirs' }] }));
    const expected = { texts: ['my mock answer', 'my words about tail sampling'], hashes: ['hash-of-my-long-answer'] };
    const sorted = (refs: CachedAnswerRefs) => ({ texts: [...refs.texts].sort(), hashes: refs.hashes });
    expect(sorted(await users.cacheRefsOf('slack', ME))).toEqual(expected);
    expect(await users.cacheRefsOf('discord', ME)).toEqual({ texts: [], hashes: [] });
    let handed: CachedAnswerRefs | undefined;
    let sessionsThen: unknown[] = [];
    await users.forget('slack', ME, {
      beforeDeleting: async (answers) => {
        handed = sorted(answers);
        sessionsThen = [await stores.sessions.get(mine), (await stores.sessions.get(shared))?.state.answers.length];
      },
    });
    expect(handed).toEqual(expected);
    // Nothing was deleted yet when they were handed over.
    expect(sessionsThen[0]).toBeDefined();
    expect(sessionsThen[1]).toBe(2);
    expect(await stores.sessions.get(mine)).toBeUndefined();
  });
});

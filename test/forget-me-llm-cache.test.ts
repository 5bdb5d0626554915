import { afterEach, describe, expect, it } from 'vitest';
import { textToScore } from '../src/core/interview/judge.ts';
import type { Scorer } from '../src/core/scoring/types.ts';
import { answerHash, RedisScoreCache, scoreCacheKey, type CachedVerdicts } from '../src/scoring/llm/cache.ts';
import { answerJob } from './helpers/answer-job.ts';
import { keysHolding } from './helpers/redis-dump.ts';
import { sampleQuestion } from './fixtures/sample-question.ts';
import { phraseScorer, startHarness, TEAM, type Harness } from './slack-worker.harness.ts';

/**
 * forget-me reaches the LLM score cache. Its keys hash the answer (no user id) and its
 * verdicts quote it. The person's answers are found in the sessions (the text, when the
 * excerpt holds it whole; the hash the session keeps for a longer LLM-judged answer) and in
 * their jobs the queues still hold; the cached verdicts on them go, for every model, while
 * another person's stays.
 *
 * The worker scores with the phrase scorer, reported as the LLM's (so the session keeps a
 * long answer's hash); the cache entries are written as the LLM scorer writes them
 * (RedisScoreCache under the queue prefix, scoreCacheKey of the text the answer handler scores).
 */
const ME = 'UCACHE1';
const OTHER = 'UCACHE2';
const IN_SESSION = 'My answer, now only in the session: traceparent on every hop, words 5e6f.';
const QUEUED = 'My answer still waiting on the queue: exemplars link metrics to traces, words 7a8b.';
const LONG = `My long answer, which the session keeps only the start of: ${'tail sampling keeps the errors and the slow traces. '.repeat(60)}words 9c0d.`;
const THEIRS = 'Their answer: RED metrics per service, words 1e2f.';

let h: Harness;

afterEach(async () => {
  await h.close();
});

/** A cached verdict as the LLM scorer stores it, quoting the answer. */
function verdictQuoting(answer: string): CachedVerdicts {
  return { points: [{ id: 'propagation', verdict: 'covered', evidence: answer.slice(0, 60) }] };
}

describe('forget-me and the LLM score cache', () => {
  it('deletes the cached verdicts on the person’s answers (sessions and queued jobs, every model), not another person’s', async () => {
    const asLlm: Scorer = { name: 'llm', score: async (question, answer, context) => ({ ...(await phraseScorer.score(question, answer, context)), scorer: 'llm' }) };
    h = await startHarness({ resolveScorer: async () => asLlm });
    const prefix = h.queue.opts.prefix ?? '';
    const cache = new RedisScoreCache(h.redis, prefix, 600);
    await h.run(h.command(''));
    const rootTs = h.stub.messages[0]?.ts ?? '';
    // Answered through the worker; this job then ages out of the queue, so only the session holds the text.
    const answered = await h.enqueue(h.answer(rootTs, ME, IN_SESSION));
    await answered.waitUntilFinished(h.events, 10_000);
    await answered.remove();
    // Longer than a session keeps, and its job gone too: only the hash the session kept finds it.
    const long = await h.enqueue(h.answer(rootTs, ME, LONG));
    await long.waitUntilFinished(h.events, 10_000);
    await long.remove();
    expect((await h.running.stores.sessions.get(h.threadId(rootTs)))?.state.answers.find((record) => record.excerpt.startsWith('My long'))?.cacheHash).toBe(answerHash(textToScore(LONG)));
    await h.run(h.answer(rootTs, OTHER, THEIRS));
    await h.queue.add('answer', answerJob(ME, QUEUED, { id: 'cache-queued', workspaceId: TEAM, channelId: 'C1' }), { jobId: 'cache-queued', delay: 3_600_000 });

    const mine = [
      scoreCacheKey(sampleQuestion, 'gpt-test', textToScore(IN_SESSION)),
      scoreCacheKey(sampleQuestion, 'llama3:8b', textToScore(IN_SESSION)),
      scoreCacheKey(sampleQuestion, 'gpt-test', textToScore(QUEUED)),
      scoreCacheKey(sampleQuestion, 'gpt-test', textToScore(LONG)),
    ];
    const theirs = scoreCacheKey(sampleQuestion, 'gpt-test', textToScore(THEIRS));
    for (const [key, text] of [[mine[0], IN_SESSION], [mine[1], IN_SESSION], [mine[2], QUEUED], [mine[3], LONG], [theirs, THEIRS]] as const) {
      await cache.set(key ?? '', verdictQuoting(text));
    }
    // The verdicts quote the answers.
    expect(await keysHolding(h.redis, `${prefix}:llm:*`, IN_SESSION.slice(0, 40))).toEqual([`${prefix}:${mine[0]}`, `${prefix}:${mine[1]}`].sort());
    for (const key of mine) expect(await cache.get(key)).toBeDefined();

    await h.run(h.command('forget-me confirm', { userId: ME }));

    const reply = String(h.stub.responses.at(-1)?.body.text ?? '');
    expect(reply).toContain('4 cached AI scorings of your answers');
    for (const key of mine) expect(await cache.get(key)).toBeUndefined();
    expect(await cache.get(theirs)).toEqual(verdictQuoting(THEIRS));
    for (const text of [IN_SESSION, QUEUED, LONG]) expect(await keysHolding(h.redis, `${prefix}:*`, text.slice(0, 40))).toEqual([]);

    // Idempotent: a second confirm finds no cached verdict left.
    await h.run(h.command('forget-me confirm', { userId: ME }));
    expect(String(h.stub.responses.at(-1)?.body.text ?? '')).toContain('There was nothing left to delete');
  });
});

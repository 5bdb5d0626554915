import type { Job } from 'bullmq';
import { afterEach, describe, expect, it } from 'vitest';
import type { Scorer } from '../src/core/scoring/types.ts';
import type { InteractionsWorkerDeps } from '../workers/interactions.worker.ts';
import { dumpKeys, keysHolding } from './helpers/redis-dump.ts';
import { phraseScorer, startHarness, TEAM, type Harness } from './slack-worker.harness.ts';

/**
 * forget-me while a worker is running one of the person's answers. The queues cannot
 * remove a running (locked) job, and once done it writes the answer back into the session,
 * its history and its plan. forget-me waits for it (bounded) and deletes again: afterwards
 * nothing of the person remains, and the reply counts both passes. When the wait runs out,
 * the reply says a message was still being processed instead of "everything".
 *
 * The answer is held in its scorer (after the session was read, before the commit), so the
 * test decides when it finishes.
 */
const ME = 'UWAIT1';
const FIRST = 'My first answer: traceparent on every hop, words 1a2b.';
const HELD = 'My second answer, held while forget-me runs: tail sampling keeps the errors, words 3c4d.';

let h: Harness;
let release: () => void = () => undefined;

/** The phrase scorer, except that an answer containing HELD waits until `release()`. */
function holdingScorer(): Scorer {
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  return {
    name: 'keyword',
    async score(question, answer, context) {
      if (answer.includes('held while forget-me runs')) await released;
      return phraseScorer.score(question, answer, context);
    },
  };
}

async function start(forgetMeWait: InteractionsWorkerDeps['forgetMeWait']): Promise<{ rootTs: string; held: Job }> {
  const scorer = holdingScorer();
  h = await startHarness({ resolveScorer: async () => scorer, ...(forgetMeWait ? { forgetMeWait } : {}) });
  await h.run(h.command(''));
  const rootTs = h.stub.messages[0]?.ts ?? '';
  await h.run(h.answer(rootTs, ME, FIRST));
  const held = await h.enqueue(h.answer(rootTs, ME, HELD));
  await expect.poll(() => held.getState(), { timeout: 10_000 }).toBe('active');
  return { rootTs, held };
}

/** Runs `forget-me confirm` as ME and returns its job, not yet waited for. */
async function forgetMe(): Promise<Job> {
  return h.enqueue(h.command('forget-me confirm', { userId: ME }));
}

function lastReply(): string {
  return String(h.stub.responses.at(-1)?.body.text ?? '');
}

async function myAnswersIn(rootTs: string): Promise<string[]> {
  return ((await h.running.stores.sessions.get(h.threadId(rootTs)))?.state.answers ?? []).filter((answer) => answer.by === ME).map((answer) => answer.excerpt);
}

afterEach(async () => {
  release();
  await h.close();
});

describe('forget-me and a job of the person’s that a worker is running', () => {
  it('waits for it to finish, deletes what it wrote, and counts each record once', async () => {
    const { rootTs, held } = await start({ pollMs: 50, timeoutMs: 10_000 });
    const historyKeys = (await dumpKeys(h.redis, `${h.queue.opts.prefix ?? ''}:store:history:*${ME}*`)).size;
    const forget = await forgetMe();
    // The first pass is done and forget-me waits: the first answer is gone, the held one not yet written.
    await expect.poll(() => h.logs.some((line) => line.includes('waiting for the person’s running jobs')), { timeout: 10_000 }).toBe(true);
    expect(await myAnswersIn(rootTs)).toEqual([]);
    expect((await h.running.stores.history.stats(TEAM, ME, h.clock.now)).answers).toBe(0);

    release();
    await held.waitUntilFinished(h.events, 10_000);
    await forget.waitUntilFinished(h.events, 15_000);

    // The held answer did write itself back (and its history), and the second pass took it.
    expect(h.stub.callsTo('chat.postEphemeral').filter((call) => call.args.user === ME)).toHaveLength(2);
    expect(await myAnswersIn(rootTs)).toEqual([]);
    expect((await h.running.stores.history.stats(TEAM, ME, h.clock.now)).answers).toBe(0);
    expect(await h.queue.getJob(held.id ?? '')).toBeUndefined();
    const prefix = h.queue.opts.prefix ?? '';
    expect(await keysHolding(h.redis, `${prefix}:*`, FIRST)).toEqual([]);
    expect(await keysHolding(h.redis, `${prefix}:*`, HELD)).toEqual([]);
    expect(await keysHolding(h.redis, `${prefix}:store:*`, ME)).toEqual([]);

    const reply = lastReply();
    expect(reply).toContain('Deleted everything I stored about your Slack account');
    // One from each pass; both answers' jobs (the second was running during the first pass).
    expect(reply).toContain('2 answers in channel questions');
    expect(reply).toContain('2 messages of yours the queues still held');
    expect(reply).not.toContain('still being processed');
    // The first pass deleted the history keys, the held answer (same day, same session) wrote the same keys again,
    // and the second pass deleted them again: each key is counted once.
    expect(historyKeys).toBeGreaterThan(1);
    expect(reply).toContain(`${historyKeys} practice history records`);
  });

  it('says so when the job is still running at the end of the wait; the next forget-me takes the rest', async () => {
    const { rootTs, held } = await start({ pollMs: 50, timeoutMs: 300 });
    await (await forgetMe()).waitUntilFinished(h.events, 15_000);
    expect(await held.getState()).toBe('active');
    const reply = lastReply();
    expect(reply).toContain('Deleted what I stored about your Slack account so far');
    expect(reply).not.toContain('Deleted everything');
    expect(reply).toContain('1 answer in channel questions');
    expect(reply).toContain('One message of yours was still being processed');
    expect(reply).toContain('run `forget-me` again in a minute');

    release();
    await held.waitUntilFinished(h.events, 10_000);
    expect(await myAnswersIn(rootTs)).toEqual([HELD]);
    await (await forgetMe()).waitUntilFinished(h.events, 15_000);
    const again = lastReply();
    expect(again).toContain('Deleted everything I stored about your Slack account');
    expect(again).toContain('1 answer in channel questions');
    expect(again).not.toContain('still being processed');
    expect(await myAnswersIn(rootTs)).toEqual([]);
    expect(await keysHolding(h.redis, `${h.queue.opts.prefix ?? ''}:*`, HELD)).toEqual([]);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../slack-worker.harness.ts';

/**
 * The thread order's escape hatches (src/store/thread-order.ts): a plan whose job gives up,
 * on a permanent refusal or after its last attempt, is marked abandoned, so the next
 * message in its thread goes out at once instead of waiting out the 5-second bound.
 */
const PENDING_WARNING = 'an earlier message in this thread is still pending';
let h: Harness;

beforeEach(async () => {
  h = await startHarness({ maxFollowUps: { mock: 2 } });
});

afterEach(async () => {
  await h.close();
});

async function startMock(): Promise<string> {
  await h.run(h.command('mock'));
  const root = h.stub.messages.find((message) => message.thread_ts === undefined);
  if (!root) throw new Error('no mock root');
  return root.ts;
}

describe('thread order: a plan that will never post does not hold its thread', () => {
  it.each([
    { why: 'a permanent refusal (not_in_channel)', replies: [{ error: 'not_in_channel' }], attempts: 3 },
    { why: 'its last attempt failing (500s)', replies: [{ status: 500 }, { status: 500 }], attempts: 2 },
  ])('after $why, the next answer is answered in its thread without waiting', async ({ replies, attempts }) => {
    const rootTs = await startMock();
    const before = h.stub.threadReplies('C1', rootTs).length;
    h.stub.script('chat.postMessage', ...replies);
    const first = await h.enqueue(h.answer(rootTs, 'U1', 'Requirements: the SLO and the traffic.'), { attempts, backoff: { type: 'fixed', delay: 50 } });
    await expect(first.waitUntilFinished(h.events, 10_000)).rejects.toThrow();
    const threadOrder = await h.redis.lrange(h.running.stores.keys.threadOrder(h.threadId(rootTs)), 0, -1);
    // It joined the thread's order when it committed, and is marked as given up.
    expect(threadOrder).toHaveLength(1);
    expect(await h.running.stores.threadOrder.isDone(threadOrder[0] ?? '')).toBe(true);

    await h.run(h.answer(rootTs, 'U1', 'Architecture: OpenTelemetry and a collector.'));
    expect(h.stub.threadReplies('C1', rootTs).length).toBeGreaterThan(before);
    expect(h.logs.filter((line) => line.includes(PENDING_WARNING))).toEqual([]);
    // Cleared off the list by the answer that found it done, which left when it was done itself.
    expect(await h.redis.llen(h.running.stores.keys.threadOrder(h.threadId(rootTs)))).toBe(0);
  });

  it('a plan still running holds the next one until it is done (bounded), and the thread keeps its order', async () => {
    const rootTs = await startMock();
    // The first answer's post is slow; the second answer arrives meanwhile.
    h.stub.script('chat.postMessage', { delayMs: 800, pass: true });
    const first = await h.enqueue(h.answer(rootTs, 'U1', 'Requirements: the SLO and the traffic.'));
    await h.stub.waitFor(() => h.stub.callsTo('chat.postMessage').length >= 3, 10_000, 'the slow post');
    const second = await h.enqueue(h.answer(rootTs, 'U1', 'Architecture: OpenTelemetry and a collector.'));
    await Promise.all([first.waitUntilFinished(h.events, 15_000), second.waitUntilFinished(h.events, 15_000)]);
    const thread = h.stub.threadReplies('C1', rootTs);
    const posts = h.stub.callsTo('chat.postMessage').filter((call) => call.args.thread_ts === rootTs);
    // The second answer's reply was sent only after the slow one had landed.
    expect(posts.length).toBe(thread.length);
    expect(posts.at(-1)?.at ?? 0).toBeGreaterThanOrEqual((posts.at(-2)?.at ?? 0) + 700);
    expect(h.logs.filter((line) => line.includes(PENDING_WARNING))).toEqual([]);
  });
});

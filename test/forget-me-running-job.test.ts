import { afterEach, describe, expect, it } from 'vitest';
import { eventKeyOf } from '../src/app/interactions/event-key.ts';
import { DONE_PLAN } from '../src/store/outbox-store.ts';
import { startHarness, TEAM, type Harness } from './slack-worker.harness.ts';

/**
 * forget-me and a job a worker is running at that moment: the queue eraser skips active
 * jobs, so such a job may fail after forget-me and be retried. Its plan must then read as
 * finished (DONE_PLAN), not be missing: a retry that found no plan would decide again,
 * scoring the answer again, writing it back into the cleared session and posting twice.
 * Here the answer's feedback is refused for good, so the job fails with its plan
 * unfinished; forget-me runs; then the same job is retried.
 */
describe('forget-me while an answer’s job is still in flight', () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it('a retry after forget-me posts nothing and writes nothing back', async () => {
    h = await startHarness();
    await h.run(h.command(''));
    const rootTs = h.stub.messages[0]?.ts ?? '';
    h.stub.script('chat.postEphemeral', { error: 'user_not_in_channel' });
    const answer = h.answer(rootTs, 'U2', 'traceparent and tail sampling');
    const job = await h.enqueue(answer);
    await expect(job.waitUntilFinished(h.events, 10_000)).rejects.toThrow(/user_not_in_channel/);
    const stores = h.running.stores;
    const eventKey = eventKeyOf(answer);
    expect(await stores.outbox.get(TEAM, eventKey)).toContain('"userId":"U2"');
    expect((await stores.sessions.get(h.threadId(rootTs)))?.state.answers.map((record) => record.by)).toEqual(['U2']);

    expect((await stores.users.forget('slack', 'U2')).plans).toBe(1);
    expect(await stores.outbox.get(TEAM, eventKey)).toBe(DONE_PLAN);
    expect((await stores.sessions.get(h.threadId(rootTs)))?.state.answers).toEqual([]);
    const callsBefore = h.stub.calls.length;
    const responsesBefore = h.stub.responses.length;

    await (await h.queue.getJob(job.id ?? ''))?.retry('failed');
    await job.waitUntilFinished(h.events, 10_000);

    expect(h.stub.calls.slice(callsBefore)).toEqual([]);
    expect(h.stub.responses.slice(responsesBefore)).toEqual([]);
    expect((await stores.sessions.get(h.threadId(rootTs)))?.state.answers).toEqual([]);
    expect((await stores.history.stats(TEAM, 'U2', h.clock.now)).answers).toBe(0);
    expect(await stores.outbox.get(TEAM, eventKey)).toBe(DONE_PLAN);
  });
});

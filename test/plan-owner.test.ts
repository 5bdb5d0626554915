import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, TEAM, type Harness } from './slack-worker.harness.ts';

/**
 * A plan names the person it belongs to, so forget-me can find it by person (the outbox key
 * names only the event). A mock's idle timer has no sender: its plan is the candidate's.
 * The timer's post is refused for good here, so its plan stays unfinished, as it would
 * after a failure, and can be read.
 */
const HOUR = 3_600_000;

describe('outbox plans name their person', () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it('a mock timer’s unfinished plan names the candidate', async () => {
    // Timers an hour away in real time: only the tick run below fires.
    h = await startHarness({ mockIdle: { nudgeAfterMs: HOUR, expireAfterMs: 24 * HOUR } });
    await h.run(h.command('mock'));
    const rootTs = h.stub.messages[0]?.ts ?? '';

    h.clock.now += 2 * HOUR;
    h.stub.script('chat.postMessage', { error: 'not_in_channel' });
    await expect(h.run({ kind: 'tick', threadId: h.threadId(rootTs), dedupeKey: 'owner-tick' })).rejects.toThrow(/permanent delivery failure/);

    const plan = JSON.parse((await h.running.stores.outbox.get(TEAM, 'tick:owner-tick')) ?? '{}') as { userId?: string; steps?: unknown[] };
    expect(plan.steps?.length).toBeGreaterThan(0);
    expect(plan.userId).toBe('U1');
  });
});

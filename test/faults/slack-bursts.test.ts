import { afterEach, describe, expect, it } from 'vitest';
import type { ScriptedReply, StoredMessage } from '../stubs/slack-api.ts';
import { startHarness, textOf, type Harness } from '../slack-worker.harness.ts';

/**
 * Slack answering in bursts of 500s and 429s (with Retry-After): a mock interview, whose
 * every message is public in its thread, is played twice with the same answers, once
 * against a healthy Slack and once against a failing one. The failing run must leave the
 * thread exactly as the healthy one did: every message once, in the same order.
 */
const ANSWERS = [
  'Requirements: the SLO, the traffic, the retention, and who gets paged.',
  'Architecture: instrument with OpenTelemetry, propagate the traceparent header, export through a collector.',
  'Then tail sampling keeps the errors and the slow traces; a batch exporter bounds the cpu overhead.',
  'Storage is columnar with a seven day retention, indexed by trace id and service.',
  'Alerting: burn-rate alerts on the SLO, over a short and a long window.',
  'Operations: the collector scales out, and sampling keeps the cost flat as traffic grows.',
];
/** Enough for any one message to survive a burst: each attempt meets at most a few failures. */
const JOB_OPTIONS = { attempts: 8, backoff: { type: 'fixed', delay: 50 } };

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** The thread as a person reads it: each message's text, oldest first. */
function threadOf(harness: Harness, rootTs: string): string[] {
  return harness.stub.threadReplies('C1', rootTs).map((message: StoredMessage) => textOf(message.blocks) || (message.text ?? ''));
}

/**
 * The candidate answers one after another, each a moment after the last, without waiting
 * for the bot (people don't), then the interview is finished.
 */
async function playInterview(harness: Harness): Promise<{ rootTs: string; thread: string[] }> {
  await harness.run(harness.command('mock'), JOB_OPTIONS);
  const root = harness.stub.messages.find((message) => message.thread_ts === undefined);
  if (!root) throw new Error('no root');
  const jobs = [];
  for (const text of ANSWERS) {
    jobs.push(await harness.enqueue(harness.answer(root.ts, 'U1', text), JOB_OPTIONS));
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  for (const job of jobs) await job.waitUntilFinished(harness.events, 60_000);
  await harness.run(harness.action(root.ts, 'U1', 'finish'), JOB_OPTIONS);
  return { rootTs: root.ts, thread: threadOf(harness, root.ts) };
}

function burst(...kinds: ('500' | '429' | 'ok' | 'lost')[]): ScriptedReply[] {
  return kinds.map((kind) => {
    if (kind === '500') return { status: 500 };
    if (kind === '429') return { retryAfter: 1 };
    if (kind === 'lost') return { afterEffect: true, status: 502 };
    return { pass: true };
  });
}

describe('Slack API bursts of 500s and 429s', () => {
  it('every message arrives once, in the order a healthy Slack shows them', async () => {
    h = await startHarness({ maxFollowUps: { mock: 2 } });
    const healthy = await playInterview(h);
    expect(healthy.thread.length).toBeGreaterThanOrEqual(ANSWERS.length);
    await h.close();

    h = await startHarness({ maxFollowUps: { mock: 2 } });
    h.stub.script('chat.postMessage', ...burst('500', '500', 'ok', '429', 'ok', 'lost', '500', 'ok', 'ok', '500', '429', '500', 'ok', 'lost', 'ok', '500', '500', '500', 'ok', '429'));
    h.stub.script('chat.postEphemeral', ...burst('500', '429', 'ok', '500'));
    const failing = await playInterview(h);
    const failures = h.stub.calls.filter((call) => call.method === 'chat.postMessage').length - h.stub.messages.length;
    // The bursts did happen: Slack refused or lost a good share of the posts.
    expect(failures).toBeGreaterThanOrEqual(8);
    expect(failing.thread).toEqual(healthy.thread);
    // And nothing landed outside the thread but its root.
    expect(h.stub.messages.filter((message) => message.thread_ts === undefined)).toHaveLength(1);
  }, 120_000);
});

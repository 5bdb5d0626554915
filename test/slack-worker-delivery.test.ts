import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleInteraction, type InteractionDeps } from '../src/app/interactions/index.ts';
import type { ChatSender } from '../src/app/ports.ts';
import { SlackSender } from '../src/adapters/slack/sender.ts';
import { QuestionBank } from '../src/core/content/question-bank.ts';
import { sampleQuestion, samplePacing } from './fixtures/sample-question.ts';
import { CHANNEL, phraseScorer, startHarness, textOf, TOKEN, type Harness } from './slack-worker.harness.ts';

/** What actually reached the channel: top-level posts. */
function topLevel(h: Harness) {
  return h.stub.messages.filter((message) => message.thread_ts === undefined);
}

describe('slack worker: at-least-once delivery, posted once', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('drops a duplicate job for the same event (same dedupeKey)', async () => {
    const job = h.command('');
    const [first, second] = await Promise.all([h.run(job), h.run({ ...job })]);
    expect([first, second]).toContainEqual({ outcome: 'duplicate' });
    expect(topLevel(h)).toHaveLength(1);
  });

  it('scores the same answer message once, even under two different event ids', async () => {
    await h.run(h.command(''));
    const rootTs = h.stub.messages[0]?.ts ?? '';
    const answer = h.answer(rootTs, 'U2', 'traceparent');
    await h.run(answer);
    await h.run({ ...answer, dedupeKey: 'Ev-redelivered' });
    expect(h.stub.callsTo('chat.postEphemeral')).toHaveLength(1);
    const session = await h.running.stores.sessions.get(h.threadId(rootTs));
    expect(session?.state.answers).toHaveLength(1);
  });

  it('does not post twice when Slack accepted a post but the answer was lost (retry verifies by metadata)', async () => {
    h.stub.script('chat.postMessage', { afterEffect: true, status: 500 });
    const job = await h.enqueue(h.command(''));
    await job.waitUntilFinished(h.events, 10_000);
    expect(topLevel(h)).toHaveLength(1);
    expect(h.stub.callsTo('chat.postMessage')).toHaveLength(1);
    // The retry looked for the post instead of posting again…
    const lookups = h.stub.callsTo('conversations.history');
    expect(lookups).toHaveLength(1);
    expect(lookups[0]?.args.include_all_metadata).toBe(true);
    // Only from just before the first attempt: a busy channel cannot push our post off the page.
    expect(Number(lookups[0]?.args.oldest)).toBeGreaterThan(Date.now() / 1000 - 120);
    // …and the session is keyed by the post that went out.
    const session = await h.running.stores.sessions.get(h.threadId(h.stub.messages[0]?.ts ?? ''));
    expect(session?.state.status).toBe('active');
    // attemptsMade counts finished attempts: the failed one and the one that succeeded.
    expect((await h.queue.getJob(job.id ?? ''))?.attemptsMade).toBe(2);
  });

  it('verifies a lost threaded post through conversations.replies', async () => {
    // The mock's root goes through; its first phase prompt (in the thread) is "lost".
    h.stub.script('chat.postMessage', { pass: true }, { afterEffect: true, status: 500 });
    await h.run(h.command('mock'));
    const rootTs = h.stub.messages[0]?.ts ?? '';
    expect(h.stub.threadReplies(CHANNEL, rootTs)).toHaveLength(1);
    expect(h.stub.callsTo('conversations.replies')[0]?.args).toMatchObject({ channel: CHANNEL, ts: rootTs, include_all_metadata: true });
    expect(topLevel(h)).toHaveLength(1);
  });

  it('resumes a handler that crashed between posting and recording, without posting again', async () => {
    const real = new SlackSender({ token: TOKEN, slackApiUrl: h.stub.apiUrl, responseUrlOrigins: [h.stub.origin], logger: h.log });
    let crash = true;
    // The process "dies" right after Slack accepted the post, before anything was recorded.
    const crashing: ChatSender = {
      ...real,
      postEphemeral: real.postEphemeral.bind(real),
      respond: real.respond.bind(real),
      sendDirect: real.sendDirect.bind(real),
      addReaction: real.addReaction.bind(real),
      async postMessage(destination, content, progress) {
        const result = await real.postMessage(destination, content, { ...progress, onDelivered: async () => undefined });
        if (crash) throw new Error('simulated crash');
        return result;
      },
    };
    const deps: InteractionDeps = {
      sender: crashing,
      stores: h.running.stores,
      bank: new QuestionBank([sampleQuestion], samplePacing),
      resolveScorer: async () => phraseScorer,
      scheduleTick: async () => undefined,
      now: () => h.clock.now,
      logger: h.log,
    };
    const job = h.command('');
    await expect(handleInteraction(job, deps)).rejects.toThrow('simulated crash');
    crash = false;
    await expect(handleInteraction(job, deps)).resolves.toBe('resumed');
    expect(topLevel(h)).toHaveLength(1);
    expect(await handleInteraction(job, deps)).toBe('resumed');
    expect(h.stub.callsTo('chat.postMessage')).toHaveLength(1);
  });
});

describe('slack worker: rate limits and failures', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('honours a 429 Retry-After: posts once, after the delay, without spending an attempt', async () => {
    h.stub.script('chat.postMessage', { retryAfter: 1 });
    const job = await h.enqueue(h.command(''));
    await job.waitUntilFinished(h.events, 10_000);
    const [limited, posted] = h.stub.callsTo('chat.postMessage');
    expect(posted).toBeDefined();
    expect((posted?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(900);
    expect(topLevel(h)).toHaveLength(1);
    // A 429 is a definite "not posted": no history lookup needed.
    expect(h.stub.callsTo('conversations.history')).toHaveLength(0);
    // Started twice, but only the successful run counts as an attempt.
    const finished = await h.queue.getJob(job.id ?? '');
    expect(finished?.attemptsStarted).toBe(2);
    expect(finished?.attemptsMade).toBe(1);
  });

  it('retries a 500 with backoff and posts once', async () => {
    h.stub.script('chat.postMessage', { status: 500 });
    const job = await h.enqueue(h.command(''));
    await job.waitUntilFinished(h.events, 10_000);
    const [failed, posted] = h.stub.callsTo('chat.postMessage');
    expect((posted?.at ?? 0) - (failed?.at ?? 0)).toBeGreaterThanOrEqual(90);
    expect(topLevel(h)).toHaveLength(1);
    expect((await h.queue.getJob(job.id ?? ''))?.attemptsMade).toBe(2);
  });

  it.each(['channel_not_found', 'not_in_channel'])('stops retrying on %s and tells the user how to fix it via response_url', async (code) => {
    h.stub.script('chat.postMessage', { error: code });
    const job = await h.enqueue(h.command(''));
    await expect(job.waitUntilFinished(h.events, 10_000)).rejects.toThrow(`permanent delivery failure: ${code}`);
    expect(h.stub.callsTo('chat.postMessage')).toHaveLength(1);
    expect((await h.queue.getJob(job.id ?? ''))?.attemptsMade).toBe(1);
    const told = textOf(h.stub.responses.at(-1)?.body.blocks);
    expect(told).toMatch(/invite me first with `\/invite @obs-bot`|Invite me with `\/invite @obs-bot`/);
    expect(h.logs.some((line) => line.includes('permanent delivery failure') && line.includes(code))).toBe(true);
  });

  it('falls back to a DM when an answer cannot be answered in its channel', async () => {
    await h.run(h.command(''));
    const rootTs = h.stub.messages[0]?.ts ?? '';
    h.stub.script('chat.postEphemeral', { error: 'channel_not_found' });
    const job = await h.enqueue(h.answer(rootTs, 'U2', 'traceparent'));
    await expect(job.waitUntilFinished(h.events, 10_000)).rejects.toThrow(/channel_not_found/);
    const dm = h.stub.messages.find((message) => message.channel === 'U2');
    expect(textOf(dm?.blocks)).toMatch(/I couldn’t post that/);
  });

  it('tells the user to try again after the last attempt fails', async () => {
    h.stub.script('chat.postMessage', { status: 503 }, { status: 503 }, { status: 503 });
    const job = await h.enqueue(h.command(''));
    await expect(job.waitUntilFinished(h.events, 10_000)).rejects.toThrow();
    expect((await h.queue.getJob(job.id ?? ''))?.attemptsMade).toBe(3);
    expect(h.stub.responses).toHaveLength(1);
    expect(textOf(h.stub.responses[0]?.body.blocks)).toMatch(/Something went wrong on my side/);
  });

  it('drops a malformed payload without retrying, and logs why', async () => {
    const job = await h.queue.add('command', { kind: 'command', text: 'help' });
    await expect(job.waitUntilFinished(h.events, 10_000)).rejects.toThrow('invalid job payload');
    expect((await h.queue.getJob(job.id ?? ''))?.attemptsMade).toBe(1);
    expect(h.logs.some((line) => line.includes('invalid job payload') && line.includes('workspaceId'))).toBe(true);
  });

  it('keeps the bot token out of every log line, even when Slack rejects it', async () => {
    h.stub.expectedToken = 'xoxb-a-different-token';
    const job = await h.enqueue(h.command(''));
    await expect(job.waitUntilFinished(h.events, 10_000)).rejects.toThrow('invalid_auth');
    // The call did carry the token: the stub saw it…
    expect(h.stub.callsTo('chat.postMessage')[0]?.token).toBe(TOKEN);
    // …and the logs said what happened, without it.
    expect(h.logs.some((line) => line.includes('invalid_auth'))).toBe(true);
    expect(h.logs.length).toBeGreaterThanOrEqual(3);
    expect(h.logs.filter((line) => line.includes(TOKEN))).toEqual([]);
    expect(textOf(h.stub.responses.at(-1)?.body.blocks)).toMatch(/reinstall the app/);
  });
});

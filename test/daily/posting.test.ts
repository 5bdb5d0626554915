import { afterEach, describe, expect, it } from 'vitest';
import type { ChatSender } from '../../src/app/ports.ts';
import { oneOffJobIdFor } from '../../src/core/schedule/boot-recovery.ts';
import { schedulerIdFor } from '../../src/core/schedule/daily-schedule.ts';
import { DAILY_POST_JOB, revealJobIdFor } from '../../src/queue/daily-jobs.ts';
import { textOf } from '../slack-worker.harness.ts';
import { berlin, CHANNEL, CHANNEL_KEY, startDailyHarness, type DailyHarness, type DailyHarnessOptions } from './harness.ts';

/**
 * The faults the issue names, each ending with exactly one post per channel per scheduled
 * day. Schedules are Europe/Berlin 09:00 Mon–Fri; Mon 5 Jan 2032 09:00 local is 08:00Z.
 */
let h: DailyHarness;
const MONDAY_0900 = berlin(5, 9);

async function setUp(options: DailyHarnessOptions = {}): Promise<DailyHarness> {
  h = await startDailyHarness(options);
  h.clock.now = berlin(5, 7);
  await h.command('daily set 09:00 Europe/Berlin');
  return h;
}

afterEach(async () => {
  await h.close();
});

function outcomes(results: unknown[]): string[] {
  return results.map((result) => (result as { outcome: string }).outcome).sort();
}

describe('a scheduled run', () => {
  it('posts the day’s question with a daily session, records it and books the reveal', async () => {
    await setUp();
    h.clock.now = MONDAY_0900 + 2_000;
    const result = await h.waitFor(await h.addScheduledRun(MONDAY_0900));
    expect(result).toMatchObject({ outcome: 'posted', localDate: '2032-01-05', resumed: false });
    const [post] = h.dailyPosts();
    expect(textOf(post?.blocks)).toContain('☀️ *Daily question* · Mon 5 Jan · key points and the team’s coverage in this thread at 17:00 (Europe/Berlin)');
    // No stats yet, so the tie-break picks the topic first in code-point order: alerting.
    expect(textOf(post?.blocks)).toContain('How would you design alerting for a payments platform?');
    const record = await h.daily.stores.daily.posts.get(CHANNEL_KEY, '2032-01-05');
    expect(record).toMatchObject({ threadTs: post?.ts, questionId: 'sample-alerting', revealAt: MONDAY_0900 + 2_000 + 8 * 3_600_000 });
    const session = await h.daily.stores.sessions.get(h.threadId(post?.ts ?? ''));
    expect(session?.state).toMatchObject({ mode: 'channel', daily: { channelKey: CHANNEL_KEY, localDate: '2032-01-05' } });
    const reveal = await h.dailyQueue.getJob(revealJobIdFor(CHANNEL_KEY, '2032-01-05'));
    expect(await reveal?.getState()).toBe('delayed');
    expect(reveal?.opts.delay).toBe(8 * 3_600_000);
  });
});

describe('one post per channel per local day', () => {
  it('two workers racing at the posting minute: the scheduled run, a boot recovery and `daily now` post once', async () => {
    await setUp();
    const second = h.startDaily();
    await second.worker.waitUntilReady();
    h.clock.now = MONDAY_0900 + 500;
    const jobs = await Promise.all([
      h.addScheduledRun(MONDAY_0900),
      h.dailyQueue.add(DAILY_POST_JOB, { kind: DAILY_POST_JOB, channelKey: CHANNEL_KEY, scheduledAt: MONDAY_0900 }, { jobId: oneOffJobIdFor(CHANNEL_KEY, '2032-01-05') }),
      h.dailyQueue.add(DAILY_POST_JOB, { kind: DAILY_POST_JOB, channelKey: CHANNEL_KEY, manual: { localDate: '2032-01-05', requestedBy: 'UADMIN', requestedAt: h.clock.now } }, { jobId: 'now.race' }),
    ]);
    const results = await Promise.all(jobs.map((job) => h.waitFor(job)));
    expect(outcomes(results)).toEqual(['duplicate', 'duplicate', 'posted']);
    expect(h.dailyPosts()).toHaveLength(1);
  });

  it('the same run handled by two workers at once (its handler called twice) posts once', async () => {
    await setUp();
    const second = h.startDaily();
    h.clock.now = MONDAY_0900 + 500;
    const run = (jobId: string) => ({ jobId, job: { kind: DAILY_POST_JOB, channelKey: CHANNEL_KEY, scheduledAt: MONDAY_0900 } as const });
    const { runDailyPost } = await import('../../src/app/daily/post.ts');
    const results = await Promise.all([runDailyPost(run('a'), h.daily.deps), runDailyPost(run('b'), second.deps)]);
    expect(outcomes(results)).toEqual(['duplicate', 'posted']);
    expect(h.dailyPosts()).toHaveLength(1);
  });

  it('a worker killed after Slack accepted the post, before the job completed: the re-run finds the post by its metadata', async () => {
    let crashes = 1;
    // The process "dies" right after chat.postMessage succeeded, before anything was recorded.
    const crashing = (real: ChatSender): ChatSender => ({
      postMessage: async (destination, content, progress) => {
        const result = await real.postMessage(destination, content, crashes > 0 ? { ...progress, onDelivered: async () => undefined } : progress);
        if (crashes > 0) {
          crashes -= 1;
          throw new Error('simulated crash after posting');
        }
        return result;
      },
      postEphemeral: (...args) => real.postEphemeral(...args),
      respond: (...args) => real.respond(...args),
      sendDirect: (...args) => real.sendDirect(...args),
      addReaction: (...args) => real.addReaction(...args),
    });
    await setUp({ dailySender: crashing });
    h.clock.now = MONDAY_0900 + 1_000;
    const job = await h.addScheduledRun(MONDAY_0900);
    const result = await h.waitFor(job);
    expect(result).toMatchObject({ outcome: 'posted', resumed: true });
    // BullMQ counts the finished attempts: the crashed one and the re-run.
    expect((await h.dailyQueue.getJob(job.id ?? ''))?.attemptsMade).toBe(2);
    expect(h.stub.callsTo('conversations.history').length).toBeGreaterThan(0);
    expect(h.logs.some((line) => line.includes('post already delivered by an earlier run; not posting again'))).toBe(true);
    expect(h.dailyPosts()).toHaveLength(1);
    // A different job for the same day afterwards (a boot recovery) is stopped by the claim.
    const again = await h.runDaily({ kind: DAILY_POST_JOB, channelKey: CHANNEL_KEY, scheduledAt: MONDAY_0900 }, { jobId: oneOffJobIdFor(CHANNEL_KEY, '2032-01-05') });
    expect(again).toMatchObject({ outcome: 'duplicate' });
    expect(h.dailyPosts()).toHaveLength(1);
  });

  it('a restart across the posting minute: the new worker’s boot re-upserts the scheduler and recovers the run', async () => {
    await setUp();
    h.clock.now = berlin(5, 8, 59, 50);
    await h.daily.close();
    h.clock.now = berlin(5, 9, 0, 30);
    // The boot's upsert replaces the scheduler's overdue 09:00 job; recoverToday puts it back as a one-off run.
    const restarted = h.startDaily();
    const report = await restarted.boot();
    expect(report).toMatchObject({ schedules: 1, enabled: 1, recovered: 1 });
    expect(await h.dailyQueue.getJobScheduler(schedulerIdFor(CHANNEL_KEY))).toMatchObject({ pattern: '0 0 9 * * 1-5', tz: 'Europe/Berlin' });
    const recovery = await h.dailyQueue.getJob(oneOffJobIdFor(CHANNEL_KEY, '2032-01-05'));
    if (!recovery) throw new Error('boot added no recovery run');
    expect(await h.waitFor(recovery)).toMatchObject({ outcome: 'posted', localDate: '2032-01-05' });
    expect(h.dailyPosts()).toHaveLength(1);
    // Another boot the same day adds nothing: today's claim is taken.
    expect(await h.startDaily().boot()).toMatchObject({ recovered: 0 });
    expect(h.dailyPosts()).toHaveLength(1);
  });

  it('a restart across the posting minute with the 09:00 job still waiting: whichever runs first posts, once', async () => {
    await setUp();
    h.clock.now = berlin(5, 8, 59, 50);
    await h.daily.close();
    h.clock.now = berlin(5, 9, 0, 30);
    // BullMQ promoted the 09:00 job while no worker ran; the new worker may take it before its boot finishes.
    const pending = await h.addScheduledRun(MONDAY_0900);
    const report = await h.startDaily().boot();
    const recovery = await h.dailyQueue.getJob(oneOffJobIdFor(CHANNEL_KEY, '2032-01-05'));
    const results = await Promise.all([h.waitFor(pending), ...(recovery ? [h.waitFor(recovery)] : [])]);
    expect(outcomes(results)).toEqual(report.recovered === 1 ? ['duplicate', 'posted'] : ['posted']);
    expect(h.dailyPosts()).toHaveLength(1);
  });

  it('a schedule changed while a run is pending: the stale run skips, the new time posts once', async () => {
    await setUp();
    const stale = await h.addScheduledRun(MONDAY_0900, { delay: 60_000 });
    h.clock.now = berlin(5, 8);
    await h.command('daily set 10:00');
    h.clock.now = MONDAY_0900 + 1_000;
    await stale.promote();
    expect(await h.waitFor(stale)).toMatchObject({ outcome: 'skipped', reason: 'not_scheduled_time' });
    h.clock.now = berlin(5, 10, 0, 1);
    expect(await h.waitFor(await h.addScheduledRun(berlin(5, 10)))).toMatchObject({ outcome: 'posted' });
    // Moving the time again after the post does not post again that day.
    await h.command('daily set 11:00');
    h.clock.now = berlin(5, 11, 0, 1);
    expect(await h.waitFor(await h.addScheduledRun(berlin(5, 11)))).toMatchObject({ outcome: 'duplicate' });
    expect(h.dailyPosts()).toHaveLength(1);
  });

  it('`daily now` in the morning, then the scheduled run the same day: one post', async () => {
    await setUp();
    h.clock.now = berlin(5, 7, 45);
    await h.command('daily now');
    await h.stub.waitFor(() => h.logs.some((line) => line.includes('daily question posted')), 5_000, 'the manual post');
    h.clock.now = MONDAY_0900 + 1_000;
    expect(await h.waitFor(await h.addScheduledRun(MONDAY_0900))).toMatchObject({ outcome: 'duplicate' });
    expect(h.dailyPosts()).toHaveLength(1);
    // The next scheduled day posts as usual.
    h.clock.now = berlin(6, 9, 0, 1);
    expect(await h.waitFor(await h.addScheduledRun(berlin(6, 9)))).toMatchObject({ outcome: 'posted', localDate: '2032-01-06' });
    expect(h.dailyPosts()).toHaveLength(2);
  });
});

describe('missed posts', () => {
  it('everything down at 09:00, back at 11:30 the same day: the boot posts today’s question', async () => {
    await setUp();
    await h.daily.close();
    h.clock.now = berlin(5, 11, 30);
    const restarted = h.startDaily();
    expect(await restarted.boot()).toMatchObject({ recovered: 1 });
    const recovery = await h.dailyQueue.getJob(oneOffJobIdFor(CHANNEL_KEY, '2032-01-05'));
    if (!recovery) throw new Error('boot added no recovery run');
    expect(await h.waitFor(recovery)).toMatchObject({ outcome: 'posted', localDate: '2032-01-05' });
    expect(h.dailyPosts()).toHaveLength(1);
  });

  it('back only the next morning: yesterday’s run is skipped and logged, nobody gets yesterday’s question', async () => {
    await setUp();
    await h.daily.close();
    h.clock.now = berlin(6, 8);
    const stale = await h.addScheduledRun(MONDAY_0900);
    const restarted = h.startDaily();
    // Tuesday's 09:00 is still ahead and the scheduler will fire it: nothing to recover.
    expect(await restarted.boot()).toMatchObject({ recovered: 0, scheduledOnce: 0 });
    expect(await h.waitFor(stale)).toMatchObject({ outcome: 'skipped', reason: 'day_over' });
    expect(h.logs.some((line) => line.includes('"level":"warn"') && line.includes('daily question not posted: skipped') && line.includes('day_over'))).toBe(true);
    expect(h.dailyPosts()).toHaveLength(0);
  });

  it('a weekend run is not a scheduled day on Mon–Fri', async () => {
    await setUp();
    h.clock.now = berlin(10, 9, 0, 1);
    expect(await h.waitFor(await h.addScheduledRun(berlin(10, 9)))).toMatchObject({ outcome: 'skipped', reason: 'not_scheduled_day' });
    expect(h.dailyPosts()).toHaveLength(0);
  });
});

describe('delivery problems', () => {
  it('the bot not in the channel: no retry, logged with the fix, and the day stays open for a later run', async () => {
    await setUp();
    h.clock.now = MONDAY_0900 + 1_000;
    h.stub.script('chat.postMessage', { error: 'not_in_channel' });
    const job = await h.addScheduledRun(MONDAY_0900);
    await expect(h.waitFor(job)).rejects.toThrow('permanent delivery failure: not_in_channel');
    expect((await h.dailyQueue.getJob(job.id ?? ''))?.attemptsMade).toBe(1);
    expect(h.logs.some((line) => line.includes('daily post refused by the platform') && line.includes('/invite @obs-bot'))).toBe(true);
    // Once the bot is invited, `daily now` posts today's question (the claim was released).
    await h.command('daily now');
    await h.stub.waitFor(() => h.dailyPosts().length === 1, 5_000, 'the post after inviting the bot');
    expect(h.dailyPosts(CHANNEL)).toHaveLength(1);
  });

  it('`daily now` refused (bot not invited) and asked again after inviting it: posts once, and the requester was told why', async () => {
    await setUp();
    h.clock.now = berlin(5, 7, 30);
    h.stub.script('chat.postMessage', { error: 'not_in_channel' });
    await h.command('daily now');
    await h.stub.waitFor(() => h.logs.some((line) => line.includes('daily post refused by the platform')), 5_000, 'the refusal');
    // Told by DM (the channel is the problem), with the fix.
    await h.stub.waitFor(() => h.stub.messages.some((message) => message.channel === 'UADMIN'), 5_000, 'the DM');
    expect(textOf(h.stub.messages.find((message) => message.channel === 'UADMIN')?.blocks)).toContain('/invite @obs-bot');
    await h.command('daily now');
    expect(h.lastReply()).toContain('Posting today’s question now');
    await h.stub.waitFor(() => h.dailyPosts().length === 1, 5_000, 'the post after inviting the bot');
  });

  it('Slack failing on every attempt: the day is freed after the last one, so `daily now` can post later', async () => {
    await setUp();
    h.clock.now = MONDAY_0900 + 1_000;
    h.stub.script('chat.postMessage', { status: 500 }, { status: 500 }, { status: 500 });
    const job = await h.addScheduledRun(MONDAY_0900);
    await expect(h.waitFor(job)).rejects.toThrow();
    expect(h.logs.some((line) => line.includes('daily job failed on its last attempt'))).toBe(true);
    expect(await h.daily.stores.daily.posts.ownerOf('daily:slack:T1:C1:2032-01-05')).toBeUndefined();
    await h.command('daily now');
    expect(h.lastReply()).toContain('Posting today’s question now');
    await h.stub.waitFor(() => h.dailyPosts().length === 1, 5_000, 'the post once Slack is back');
  });

  it('a 429 delays the job by Retry-After without spending an attempt, then posts once', async () => {
    await setUp();
    h.clock.now = MONDAY_0900 + 1_000;
    h.stub.script('chat.postMessage', { retryAfter: 1 });
    const job = await h.addScheduledRun(MONDAY_0900);
    expect(await h.waitFor(job)).toMatchObject({ outcome: 'posted' });
    // Only the attempt that posted counts: waiting out the 429 spent none.
    expect((await h.dailyQueue.getJob(job.id ?? ''))?.attemptsMade).toBe(1);
    const calls = h.stub.callsTo('chat.postMessage').filter((call) => String((call.args.metadata as { event_payload?: { key?: string } } | undefined)?.event_payload?.key).startsWith('daily:'));
    expect(calls).toHaveLength(2);
    expect((calls[1]?.at ?? 0) - (calls[0]?.at ?? 0)).toBeGreaterThanOrEqual(900);
    expect(h.dailyPosts()).toHaveLength(1);
  });
});

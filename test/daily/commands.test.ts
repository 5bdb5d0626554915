import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { schedulerIdFor } from '../../src/core/schedule/daily-schedule.ts';
import { nextRuns } from '../../src/core/schedule/next-run.ts';
import { ADMIN, berlin, CHANNEL, CHANNEL_KEY, MEMBER, startDailyHarness, type DailyHarness } from './harness.ts';

let h: DailyHarness;

beforeEach(async () => {
  h = await startDailyHarness({ adminUserIds: ['ULEAD'] });
});

afterEach(async () => {
  await h.close();
});

describe('daily set', () => {
  it('stores the schedule, upserts the channel’s job scheduler in the channel’s zone, announces it and confirms the next run', async () => {
    await h.command('daily set 09:30 America/New_York mon,wed,fri tracing');
    const stored = await h.daily.stores.daily.schedules.get(CHANNEL_KEY);
    expect(stored).toMatchObject({ time: '09:30', timezone: 'America/New_York', days: [1, 3, 5], topics: ['tracing'], enabled: true, revealAfterMinutes: 480 });
    const scheduler = await h.dailyQueue.getJobScheduler(schedulerIdFor(CHANNEL_KEY));
    expect(scheduler).toMatchObject({ pattern: '0 30 9 * * 1,3,5', tz: 'America/New_York' });
    // BullMQ's own cron computation (from the real clock) agrees with the core's next run.
    if (!stored) throw new Error('no schedule');
    const [next] = nextRuns(stored, new Date(), 1);
    expect(scheduler?.next).toBe(next?.getTime());

    const reply = h.lastReply();
    expect(reply).toContain('Daily questions are on: Mon, Wed, Fri at 09:30 America/New_York, topics: tracing');
    expect(reply).toMatch(/Next question: Mon 5 Jan 09:30 America\/New_York \(in \d+ h/);
    const announcement = h.stub.messages.find((message) => message.channel === CHANNEL && message.thread_ts === undefined);
    expect(announcement?.text).toContain(`<@${ADMIN}> set up a daily question here`);
  });

  it('the job BullMQ’s own scheduler queued (its cron, the channel’s zone) carries the run’s instant and posts when due', async () => {
    await h.command('daily set 09:30 America/New_York mon-fri');
    const scheduler = await h.dailyQueue.getJobScheduler(schedulerIdFor(CHANNEL_KEY));
    const next = scheduler?.next ?? 0;
    const job = await h.dailyQueue.getJob(`repeat:${schedulerIdFor(CHANNEL_KEY)}:${next}`);
    expect(job?.data).toEqual({ kind: 'daily-post', channelKey: CHANNEL_KEY });
    expect(job?.opts.prevMillis).toBe(next);
    expect(await job?.getState()).toBe('delayed');
    // Fast-forward: the clock reaches the run, and the job is promoted instead of waited for.
    h.clock.now = next + 1_500;
    await job?.promote();
    expect(await h.waitFor(job as NonNullable<typeof job>)).toMatchObject({ outcome: 'posted' });
    expect(h.dailyPosts()).toHaveLength(1);
  });

  it('uses the installer’s zone by default, then keeps the channel’s zone when only the time changes', async () => {
    await h.command('daily set 08:00 Asia/Kolkata');
    await h.command('daily set 10:15');
    const stored = await h.daily.stores.daily.schedules.get(CHANNEL_KEY);
    expect(stored).toMatchObject({ time: '10:15', timezone: 'Asia/Kolkata', days: [1, 2, 3, 4, 5] });
    expect(h.lastReply()).toContain('this channel’s current one');
    expect(await h.dailyQueue.getJobScheduler(schedulerIdFor(CHANNEL_KEY))).toMatchObject({ pattern: '0 15 10 * * 1-5', tz: 'Asia/Kolkata' });
    expect(await h.dailyQueue.getJobSchedulersCount()).toBe(1);
  });

  it('falls back to OBS_DEFAULT_TIMEZONE for a new channel', async () => {
    await h.command('daily set 09:00');
    expect(await h.daily.stores.daily.schedules.get(CHANNEL_KEY)).toMatchObject({ timezone: 'Europe/Berlin' });
    expect(h.lastReply()).toContain('this workspace’s default');
  });

  it('answers a mistake with the word it did not understand and the usage, changing nothing', async () => {
    await h.command('daily set 9:75');
    expect(h.lastReply()).toContain('I didn\'t understand the time "9:75"');
    expect(h.lastReply()).toContain('daily set HH:MM [Area/City]');
    await h.command('daily set 09:00 CET');
    expect(h.lastReply()).toContain('abbreviation');
    expect(await h.daily.stores.daily.schedules.get(CHANNEL_KEY)).toBeUndefined();
    expect(await h.dailyQueue.getJobSchedulersCount()).toBe(0);
  });
});

describe('daily status, off, reveal-after, help', () => {
  it('status shows the next run in the channel’s local time, and says so when there is no schedule', async () => {
    await h.command('daily status', MEMBER);
    expect(h.lastReply()).toContain('There is no daily question in this channel yet');
    await h.command('daily set 09:00 Europe/Berlin daily');
    h.clock.now = berlin(5, 8, 30);
    await h.command('daily status', MEMBER);
    expect(h.lastReply()).toContain('Every day at 09:00 Europe/Berlin, all topics, key points revealed after 8h');
    expect(h.lastReply()).toContain('Next question: Mon 5 Jan 09:00 Europe/Berlin (in 30 min)');
  });

  it('off removes the scheduler and keeps the schedule, disabled; status says it is off', async () => {
    await h.command('daily set 09:00 Europe/Berlin');
    await h.command('daily off');
    expect(await h.dailyQueue.getJobSchedulersCount()).toBe(0);
    expect(await h.daily.stores.daily.schedules.get(CHANNEL_KEY)).toMatchObject({ enabled: false, timezone: 'Europe/Berlin' });
    expect(h.lastReply()).toContain('Daily questions are off in this channel');
    await h.command('daily status', MEMBER);
    expect(h.lastReply()).toContain('(off)');
    expect(h.lastReply()).toContain('Daily questions are off in this channel');
  });

  it('off and reveal-after without a schedule say how to start one', async () => {
    await h.command('daily off');
    expect(h.lastReply()).toContain('This channel has no daily question yet');
  });

  it('reveal-after changes the delay for the next questions', async () => {
    await h.command('daily set 09:00 Europe/Berlin');
    await h.command('daily reveal-after 6h');
    expect(await h.daily.stores.daily.schedules.get(CHANNEL_KEY)).toMatchObject({ revealAfterMinutes: 360 });
    expect(h.lastReply()).toContain('Key points will be revealed 6h after each daily question');
    await h.command('daily reveal-after 5m');
    expect(h.lastReply()).toContain('out of range');
  });

  it('help lists the sub-commands', async () => {
    await h.command('daily', MEMBER);
    expect(h.lastReply()).toContain('daily reveal-after <duration>');
  });
});

describe('daily now', () => {
  it('posts today’s question once; a second request points at it', async () => {
    await h.command('daily set 09:00 Europe/Berlin');
    h.clock.now = berlin(5, 7, 30);
    await h.command('daily now');
    expect(h.lastReply()).toContain('Posting today’s question now');
    await h.stub.waitFor(() => h.dailyPosts().length === 1, 5_000, 'the daily post');
    await h.stub.waitFor(() => h.logs.some((line) => line.includes('daily question posted')), 5_000, 'the post to be recorded');
    await h.command('daily now');
    expect(h.lastReply()).toContain('Today’s question is already up in this channel (posted Mon 5 Jan 07:30 Europe/Berlin)');
    expect(h.dailyPosts()).toHaveLength(1);
  });
});

describe('who may change it', () => {
  it('refuses an ordinary member politely and changes nothing', async () => {
    for (const text of ['daily set 09:00 Europe/Berlin', 'daily now', 'daily off', 'daily reveal-after 6h']) {
      await h.command(text, MEMBER);
      expect(h.lastReply()).toContain('Sorry, only workspace admins and owners can change this channel’s daily question');
    }
    expect(await h.daily.stores.daily.schedules.get(CHANNEL_KEY)).toBeUndefined();
    expect(await h.dailyQueue.getJobSchedulersCount()).toBe(0);
    expect(await h.dailyQueue.getJobCounts('wait', 'delayed', 'active', 'completed')).toEqual({ wait: 0, delayed: 0, active: 0, completed: 0 });
    expect(h.stub.messages).toHaveLength(0);
  });

  it('lets anyone read the status', async () => {
    await h.command('daily status', MEMBER);
    expect(h.lastReply()).not.toContain('Sorry');
  });

  it('lets a workspace owner through, as users.info reports', async () => {
    h.stub.setUser('UOWNER', { is_owner: true });
    await h.command('daily set 09:00 Europe/Berlin', 'UOWNER');
    expect(await h.daily.stores.daily.schedules.get(CHANNEL_KEY)).toMatchObject({ time: '09:00' });
  });

  it('lets a user listed in OBS_ADMIN_USERS through without asking Slack', async () => {
    const before = h.stub.callsTo('users.info').length;
    await h.command('daily set 11:00 Europe/Berlin', 'ULEAD');
    expect(await h.daily.stores.daily.schedules.get(CHANNEL_KEY)).toMatchObject({ time: '11:00' });
    expect(h.stub.callsTo('users.info')).toHaveLength(before);
  });

  it('a missing users:read scope refuses (and logs), rather than letting everyone in', async () => {
    h.stub.script('users.info', { error: 'missing_scope' });
    await h.command('daily set 09:00 Europe/Berlin');
    expect(h.lastReply()).toContain('Sorry, only workspace admins');
    expect(h.logs.some((line) => line.includes('missing_scope'))).toBe(true);
  });
});

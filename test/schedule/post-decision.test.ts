import { describe, expect, it } from 'vitest';
import { oneOffJobIdFor, recoverToday } from '../../src/core/schedule/boot-recovery.ts';
import { dailyPostKey, decideManualPost, decideScheduledPost, revealAt } from '../../src/core/schedule/post-decision.ts';
import { HOUR, local, makeSchedule, MINUTE } from './fixtures.ts';

const berlin = makeSchedule({ time: '09:00', timezone: 'Europe/Berlin', days: [1, 2, 3, 4, 5] });
// Monday 2 March 2026, 09:00 CET.
const MON_0900 = new Date('2026-03-02T08:00:00Z');

describe('idempotency key', () => {
  it('is channel + local date', () => {
    expect(dailyPostKey('slack:T1:C1', '2026-03-02')).toBe('daily:slack:T1:C1:2026-03-02');
  });
});

describe('decideScheduledPost', () => {
  it('posts an on-time run with the day’s key', () => {
    expect(decideScheduledPost(berlin, MON_0900, new Date(MON_0900.getTime() + 2_000))).toEqual({
      action: 'post',
      idempotencyKey: 'daily:slack:T1:C1:2026-03-02',
      localDate: '2026-03-02',
      scheduledAt: MON_0900,
      lateByMs: 2_000,
    });
  });

  it('missed-post rule: a late run still posts the same local day…', () => {
    const decision = decideScheduledPost(berlin, MON_0900, new Date('2026-03-02T22:59:00Z')); // 23:59 CET
    expect(decision).toMatchObject({ action: 'post', localDate: '2026-03-02', lateByMs: 14 * HOUR + 59 * MINUTE });
  });

  it('…and is skipped once the local day is over', () => {
    const decision = decideScheduledPost(berlin, MON_0900, new Date('2026-03-02T23:00:00Z')); // 00:00 CET Tuesday
    expect(decision).toMatchObject({ action: 'skip', reason: 'day_over', localDate: '2026-03-02' });
  });

  it('"local day" is the channel’s, not UTC’s or the server’s', () => {
    const kolkata = makeSchedule({ timezone: 'Asia/Kolkata', time: '09:00' });
    const run = new Date('2026-03-02T03:30:00Z'); // 09:00 IST Monday
    // 18:29Z is 23:59 IST: still Monday there. 18:30Z is Tuesday in Kolkata though Monday in UTC.
    expect(decideScheduledPost(kolkata, run, new Date('2026-03-02T18:29:00Z')).action).toBe('post');
    expect(decideScheduledPost(kolkata, run, new Date('2026-03-02T18:30:00Z'))).toMatchObject({ action: 'skip', reason: 'day_over' });
  });

  it('skips when the channel turned daily questions off', () => {
    expect(decideScheduledPost({ ...berlin, enabled: false }, MON_0900, MON_0900)).toMatchObject({ action: 'skip', reason: 'disabled' });
  });

  it('skips a run that falls on an unscheduled weekday locally (Saturday in Tokyo, Friday in UTC)', () => {
    const tokyo = makeSchedule({ timezone: 'Asia/Tokyo', time: '08:00', days: [1, 2, 3, 4, 5] });
    const saturday0800 = new Date('2026-03-06T23:00:00Z');
    expect(decideScheduledPost(tokyo, saturday0800, saturday0800)).toMatchObject({ action: 'skip', reason: 'not_scheduled_day', localDate: '2026-03-07' });
  });

  it('skips a stale run from before the time changed', () => {
    const moved = { ...berlin, time: '15:00' };
    expect(decideScheduledPost(moved, MON_0900, MON_0900)).toMatchObject({ action: 'skip', reason: 'not_scheduled_time' });
  });

  it('skips, loudly, when handed BullMQ’s job.timestamp (creation time) instead of the scheduled instant', () => {
    const createdWhilePreviousRunWasProcessed = new Date('2026-02-27T08:00:01.234Z');
    expect(decideScheduledPost(berlin, createdWhilePreviousRunWasProcessed, MON_0900)).toMatchObject({ action: 'skip', reason: 'not_scheduled_time' });
  });

  it('posts the DST-moved run (02:30 fired at 03:30 on 29 Mar in Berlin)', () => {
    const schedule = makeSchedule({ time: '02:30', days: [0, 1, 2, 3, 4, 5, 6] });
    const run = new Date('2026-03-29T01:30:00Z');
    expect(local(run, 'Europe/Berlin')).toBe('2026-03-29 03:30');
    expect(decideScheduledPost(schedule, run, run)).toMatchObject({ action: 'post', idempotencyKey: 'daily:slack:T1:C1:2026-03-29' });
    // A stray 03:30 on an ordinary day is not a run of a 02:30 schedule.
    expect(decideScheduledPost(schedule, new Date('2026-03-30T01:30:00Z'), new Date('2026-03-30T01:30:00Z'))).toMatchObject({ reason: 'not_scheduled_time' });
  });
});

describe('daily now', () => {
  it('claims today’s key, so the scheduled run later today is the same key and does not post again', () => {
    const now = new Date('2026-03-02T06:15:00Z'); // 07:15 CET, before the 09:00 run
    const manual = decideManualPost(berlin, now);
    expect(manual).toMatchObject({ action: 'post', localDate: '2026-03-02', idempotencyKey: 'daily:slack:T1:C1:2026-03-02' });
    const scheduled = decideScheduledPost(berlin, MON_0900, MON_0900);
    expect(scheduled.action === 'post' && scheduled.idempotencyKey).toBe(manual.idempotencyKey);
  });

  it('works on an unscheduled day, keyed by that day', () => {
    expect(decideManualPost(berlin, new Date('2026-03-07T12:00:00Z')).idempotencyKey).toBe('daily:slack:T1:C1:2026-03-07');
  });
});

describe('revealAt', () => {
  it('is the reveal delay after the question actually went out, in elapsed time', () => {
    expect(revealAt(new Date('2026-03-02T08:00:05Z'), { revealAfterMinutes: 270 })).toEqual(new Date('2026-03-02T12:30:05Z'));
    // Across the spring change 23 h after 09:00 CET Saturday is 09:00 CEST Sunday.
    expect(local(revealAt(new Date('2026-03-28T08:00:00Z'), { revealAfterMinutes: 23 * 60 }), 'Europe/Berlin')).toBe('2026-03-29 09:00');
  });
});

describe('recoverToday (at boot, after re-upserting the scheduler)', () => {
  it('posts now when today’s run passed while everything was down', () => {
    const action = recoverToday(berlin, new Date('2026-03-02T10:00:00Z'));
    expect(action).toMatchObject({ action: 'post-now', decision: { idempotencyKey: 'daily:slack:T1:C1:2026-03-02', scheduledAt: MON_0900 } });
  });

  it('does nothing when today’s run is still ahead and the scheduler will fire it', () => {
    expect(recoverToday(berlin, new Date('2026-03-02T07:00:00Z'))).toEqual({ action: 'none' });
  });

  it('does nothing on an unscheduled day, or when daily questions are off', () => {
    expect(recoverToday(berlin, new Date('2026-03-07T12:00:00Z'))).toEqual({ action: 'none' });
    expect(recoverToday({ ...berlin, enabled: false }, new Date('2026-03-02T10:00:00Z'))).toEqual({ action: 'none' });
  });

  it('does not post a run from before the schedule existed (set 09:00 at 16:00, restart at 17:00)', () => {
    const setAt16 = { ...berlin, updatedAt: '2026-03-02T15:00:00.000Z' };
    expect(recoverToday(setAt16, new Date('2026-03-02T16:00:00Z'))).toEqual({ action: 'none' });
  });

  it('adds a one-off run when the scheduler, recomputed inside a DST window, would skip today', () => {
    const schedule = makeSchedule({ time: '02:30', days: [0, 1, 2, 3, 4, 5, 6] });
    expect(recoverToday(schedule, new Date('2026-03-29T01:10:00Z'))).toEqual({ action: 'schedule-once', runAt: new Date('2026-03-29T01:30:00Z') });
  });

  it('one-off job ids are colon-free, per channel and date', () => {
    expect(oneOffJobIdFor('slack:T1:C1', '2026-03-29')).toBe('daily.slack%3AT1%3AC1.2026-03-29');
  });
});

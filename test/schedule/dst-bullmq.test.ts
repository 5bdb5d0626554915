import { describe, expect, it } from 'vitest';
import { recoverToday } from '../../src/core/schedule/boot-recovery.ts';
import { cronRunsOnLocalDate } from '../../src/core/schedule/cron-runs.ts';
import { nextRuns } from '../../src/core/schedule/next-run.ts';
import { decideScheduledPost } from '../../src/core/schedule/post-decision.ts';
import { cronNext, datesOf, HOUR, local, makeSchedule, MINUTE, seededRandom, simulateBullmq } from './fixtures.ts';

/**
 * What cron-parser 5.10.3 (BullMQ 6's) does around DST, asserted so an upgrade that changes
 * it fails here, and how the core keeps "one post per local day" regardless.
 */
const DAILY = [0, 1, 2, 3, 4, 5, 6] as const;
const newYork0130 = makeSchedule({ timezone: 'America/New_York', time: '01:30', days: [...DAILY] });
const berlin0230 = makeSchedule({ timezone: 'Europe/Berlin', time: '02:30', days: [...DAILY] });

describe('raw cron-parser at fall back (New York 01:30, 1 Nov 2026: 01:00–01:59 happens twice)', () => {
  it('iterating forward through the day yields only the first 01:30 (EDT)', () => {
    expect(cronRunsOnLocalDate(newYork0130, '2026-11-01').map((run) => run.toISOString())).toEqual(['2026-11-01T05:30:00.000Z']);
  });

  it('chained from the previous run (BullMQ on time) it skips the repeat', () => {
    expect(cronNext(newYork0130, new Date('2026-11-01T05:30:00Z')).toISOString()).toBe('2026-11-02T06:30:00.000Z');
  });

  it('computed from inside the repeated hour (late pickup, or an upsert at boot) it fires again the same local day', () => {
    const second = cronNext(newYork0130, new Date('2026-11-01T06:10:00Z'));
    expect(local(second, 'America/New_York')).toBe('2026-11-01 01:30');
    // …which the idempotency key turns into a no-op: same local date, same key.
    const first = decideScheduledPost(newYork0130, new Date('2026-11-01T05:30:00Z'), new Date('2026-11-01T05:30:01Z'));
    const again = decideScheduledPost(newYork0130, second, new Date('2026-11-01T06:30:01Z'));
    expect(first).toMatchObject({ action: 'post', idempotencyKey: 'daily:slack:T1:C1:2026-11-01' });
    expect(again).toMatchObject({ action: 'post', idempotencyKey: 'daily:slack:T1:C1:2026-11-01' });
  });

  it('nextRuns still lists that day once', () => {
    expect(nextRuns(newYork0130, new Date('2026-11-01T06:10:00Z'), 1).map((run) => run.toISOString())).toEqual(['2026-11-02T06:30:00.000Z']);
  });
});

describe('raw cron-parser at spring forward (Berlin 02:30, 29 Mar 2026: 02:00–02:59 does not exist)', () => {
  it('moves the run to 03:30 CEST when computed from before the gap', () => {
    expect(local(cronNext(berlin0230, new Date('2026-03-28T01:30:00Z')), 'Europe/Berlin')).toBe('2026-03-29 03:30');
    expect(local(cronNext(berlin0230, new Date('2026-03-29T00:59:59Z')), 'Europe/Berlin')).toBe('2026-03-29 03:30');
  });

  it('skips the day when computed between 03:00 and 03:30 CEST (an upsert at boot then would lose the day)', () => {
    expect(local(cronNext(berlin0230, new Date('2026-03-29T01:00:00Z')), 'Europe/Berlin')).toBe('2026-03-30 02:30');
    expect(local(cronNext(berlin0230, new Date('2026-03-29T01:10:00Z')), 'Europe/Berlin')).toBe('2026-03-30 02:30');
  });

  it('nextRuns and boot recovery keep the day: a one-off run at 03:30', () => {
    const boot = new Date('2026-03-29T01:10:00Z');
    expect(nextRuns(berlin0230, boot, 1).map((run) => local(run, 'Europe/Berlin'))).toEqual(['2026-03-29 03:30']);
    expect(recoverToday(berlin0230, boot)).toEqual({ action: 'schedule-once', runAt: new Date('2026-03-29T01:30:00Z') });
  });
});

describe('a simulated year of BullMQ: exactly one post per scheduled local day', () => {
  const cases = [
    { name: 'New York 01:30 daily', schedule: newYork0130, restarts: ['2026-11-01T06:10:00Z', '2026-03-08T07:10:00Z'] },
    { name: 'Berlin 02:30 daily', schedule: berlin0230, restarts: ['2026-03-29T01:10:00Z', '2026-10-25T01:10:00Z'] },
    { name: 'Berlin 09:00 Mon–Fri', schedule: makeSchedule(), restarts: ['2026-03-30T07:30:00Z'] },
    { name: 'Kolkata 08:00 daily', schedule: makeSchedule({ timezone: 'Asia/Kolkata', time: '08:00', days: [...DAILY] }), restarts: ['2026-06-01T02:40:00Z'] },
  ];

  it.each(cases)('$name, with late pickups and restarts at the worst moments', ({ schedule, restarts }) => {
    const random = seededRandom(42);
    // Usually seconds late, sometimes up to 90 minutes (into a repeated hour and past it).
    const delay = (): number => (random() < 0.8 ? Math.floor(random() * 5_000) : Math.floor(random() * 90 * MINUTE));
    const randomRestarts = Array.from({ length: 12 }, () => new Date(Date.UTC(2026, 0, 1) + Math.floor(random() * 364 * 24 * HOUR)));
    const simulation = simulateBullmq({
      schedule,
      start: new Date('2025-12-30T00:00:00Z'),
      end: new Date('2027-01-02T00:00:00Z'),
      pickupDelayMs: delay,
      restarts: [...restarts.map((at) => new Date(at)), ...randomRestarts],
    });
    const posted = simulation.posts.map((post) => post.localDate).filter((date) => date.startsWith('2026-'));
    const scheduled = datesOf(2026).filter((date) => schedule.days.includes(new Date(`${date}T12:00:00Z`).getUTCDay() as 0));
    expect(posted).toEqual(scheduled);
    for (const post of simulation.posts) expect(post.postedAt.getTime()).toBeGreaterThanOrEqual(post.scheduledAt.getTime());
  });

  it('the fall-back restart really produced a second same-day run that the key blocked', () => {
    const simulation = simulateBullmq({
      schedule: newYork0130,
      start: new Date('2026-10-31T12:00:00Z'),
      end: new Date('2026-11-02T12:00:00Z'),
      pickupDelayMs: () => 1_000,
      restarts: [new Date('2026-11-01T06:10:00Z')],
    });
    expect(simulation.posts.map((post) => post.localDate)).toEqual(['2026-11-01', '2026-11-02']);
    // The restart's recovery (today's 01:30 EDT already passed) and the re-upserted 01:30 EST run.
    expect(simulation.blockedByKey).toBe(2);
  });

  it('a worker down across midnight skips the missed day rather than posting it late', () => {
    const simulation = simulateBullmq({
      schedule: makeSchedule({ time: '23:30', days: [...DAILY] }),
      start: new Date('2026-06-01T00:00:00Z'),
      end: new Date('2026-06-03T00:00:00Z'),
      pickupDelayMs: (at) => (at.toISOString().startsWith('2026-06-01') ? 45 * MINUTE : 1_000),
    });
    expect(simulation.skips).toEqual(['day_over 2026-06-01']);
    expect(simulation.posts.map((post) => post.localDate)).toEqual(['2026-06-02']);
  });
});

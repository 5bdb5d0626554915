import { recoverToday } from '../../src/core/schedule/boot-recovery.ts';
import { cronNextAfter } from '../../src/core/schedule/cron-runs.ts';
import type { DailySchedule } from '../../src/core/schedule/daily-schedule.ts';
import { decideScheduledPost } from '../../src/core/schedule/post-decision.ts';
import { zonedParts } from '../../src/core/schedule/zoned-time.ts';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

export function makeSchedule(overrides: Partial<DailySchedule> = {}): DailySchedule {
  return {
    channelKey: 'slack:T1:C1',
    time: '09:00',
    timezone: 'Europe/Berlin',
    days: [1, 2, 3, 4, 5],
    topics: [],
    revealAfterMinutes: 480,
    enabled: true,
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** `cronNextAfter` where the test knows cron-parser finds a run. */
export function cronNext(schedule: DailySchedule, from: Date): Date {
  const next = cronNextAfter(schedule, from);
  if (!next) throw new Error(`cron-parser found no run after ${from.toISOString()}`);
  return next;
}

/** "2026-03-29 03:30" in the zone. */
export function local(instant: Date, timeZone: string): string {
  const parts = zonedParts(instant, timeZone);
  return `${parts.date} ${parts.time}`;
}

/** Every calendar date of a year. */
export function datesOf(year: number): string[] {
  const dates: string[] = [];
  for (let at = Date.UTC(year, 0, 1); at < Date.UTC(year + 1, 0, 1); at += 86_400_000) dates.push(new Date(at).toISOString().slice(0, 10));
  return dates;
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), the product's own generator. */
export { seededRandom } from '../../src/core/peer/seeded-random.ts';

export interface SimulatedPost {
  localDate: string;
  postedAt: Date;
  scheduledAt: Date;
  via: 'scheduled' | 'recovery';
}

export interface Simulation {
  posts: SimulatedPost[];
  /** Runs that decided to post but found the day's key already claimed. */
  blockedByKey: number;
  skips: string[];
}

/**
 * BullMQ 6.7 job-scheduler semantics, without Redis, to test the core end to end:
 * - an upsert (at start and at every restart) replaces the pending job with one at
 *   `cronNextAfter(now)`, even when that job was already due but not yet picked up;
 * - when a worker picks a job up it first schedules the next one from
 *   `max(pickup time, scheduled time)`, then processes it;
 * - a restart also runs `recoverToday`, as the wiring is meant to.
 * Posting claims the idempotency key in a set, like `SET key NX`.
 */
export function simulateBullmq(options: {
  schedule: DailySchedule;
  start: Date;
  end: Date;
  pickupDelayMs: (scheduledAt: Date) => number;
  restarts?: Date[];
}): Simulation {
  const { schedule, end, pickupDelayMs } = options;
  const claimed = new Set<string>();
  const result: Simulation = { posts: [], blockedByKey: 0, skips: [] };
  const restarts = [...(options.restarts ?? [])].sort((a, b) => a.getTime() - b.getTime());
  type Job = { scheduledAt: Date; pickupAt: number; via: SimulatedPost['via'] };
  const job = (scheduledAt: Date, via: SimulatedPost['via']): Job => ({ scheduledAt, pickupAt: scheduledAt.getTime() + pickupDelayMs(scheduledAt), via });
  // Like BullMQ, no next run from cron-parser means no next job: the scheduler stops until an upsert.
  const upsert = (from: Date): Job | undefined => {
    const next = cronNextAfter(schedule, from);
    return next && job(next, 'scheduled');
  };
  let recurring = upsert(options.start);
  const oneOffs: Job[] = [];

  const process = (scheduledAt: Date, now: Date, via: SimulatedPost['via']): void => {
    const decision = decideScheduledPost(schedule, scheduledAt, now);
    if (decision.action === 'skip') {
      result.skips.push(`${decision.reason} ${decision.localDate}`);
    } else if (claimed.has(decision.idempotencyKey)) {
      result.blockedByKey += 1;
    } else {
      claimed.add(decision.idempotencyKey);
      result.posts.push({ localDate: decision.localDate, postedAt: now, scheduledAt, via });
    }
  };

  for (;;) {
    const restart = restarts[0];
    oneOffs.sort((a, b) => a.pickupAt - b.pickupAt);
    const oneOff = oneOffs[0];
    const next = Math.min(recurring?.pickupAt ?? Infinity, oneOff?.pickupAt ?? Infinity, restart?.getTime() ?? Infinity);
    if (next > end.getTime()) return result;
    if (restart && restart.getTime() === next) {
      restarts.shift();
      recurring = upsert(restart);
      const action = recoverToday(schedule, restart);
      if (action.action === 'post-now') process(action.decision.scheduledAt, restart, 'recovery');
      if (action.action === 'schedule-once') oneOffs.push(job(action.runAt, 'recovery'));
    } else if (oneOff && oneOff.pickupAt === next) {
      oneOffs.shift();
      process(oneOff.scheduledAt, new Date(next), oneOff.via);
    } else if (recurring) {
      const current = recurring;
      recurring = upsert(new Date(Math.max(next, current.scheduledAt.getTime())));
      process(current.scheduledAt, new Date(next), 'scheduled');
    }
  }
}

import { cronNextAfter, slotOnLocalDate } from './cron-runs.ts';
import type { DailySchedule } from './daily-schedule.ts';
import { decideScheduledPost, type PostDecision } from './post-decision.ts';
import { localDateOf } from './zoned-time.ts';

/**
 * What to do for one channel when a worker boots, after re-upserting its job scheduler.
 * BullMQ recomputes the next run from "now" on upsert, so two cases need help:
 *
 * - `post-now`: today's run time has passed and the run may never have happened (everything
 *   was down, or Redis lost the scheduler). Post now if today's key is still free: the
 *   missed-post rule (same local day only). Runs before `updatedAt` were not under this
 *   schedule, so setting 09:00 at 16:00 does not post at the next restart.
 * - `schedule-once`: today's run is still ahead but the recurring scheduler will not fire
 *   it. That happens when the upsert lands between the end of a DST gap and the shifted run
 *   (Berlin, 29 Mar 2026, upsert at 03:10 for 02:30: cron-parser's next run is 30 Mar).
 *   Add a one-off delayed job at `runAt`; it goes through `decideScheduledPost` like any run.
 */
export type BootAction =
  | { action: 'post-now'; decision: Extract<PostDecision, { action: 'post' }> }
  | { action: 'schedule-once'; runAt: Date }
  | { action: 'none' };

export function recoverToday(schedule: DailySchedule, now: Date): BootAction {
  if (!schedule.enabled) return { action: 'none' };
  const slot = slotOnLocalDate(schedule, localDateOf(now, schedule.timezone));
  if (!slot) return { action: 'none' };
  if (slot.getTime() <= now.getTime()) {
    if (slot.getTime() < Date.parse(schedule.updatedAt)) return { action: 'none' };
    const decision = decideScheduledPost(schedule, slot, now);
    return decision.action === 'post' ? { action: 'post-now', decision } : { action: 'none' };
  }
  return cronNextAfter(schedule, now)?.getTime() === slot.getTime() ? { action: 'none' } : { action: 'schedule-once', runAt: slot };
}

/** A BullMQ-safe job id for a one-off run (BullMQ rejects custom ids containing colons). */
export function oneOffJobIdFor(channelKey: string, localDate: string): string {
  return `daily.${encodeURIComponent(channelKey)}.${localDate}`;
}

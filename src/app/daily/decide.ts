import { decideScheduledPost, dailyPostKey, type PostDecision, type SkipReason } from '../../core/schedule/post-decision.ts';
import type { DailySchedule } from '../../core/schedule/daily-schedule.ts';
import { localDateOf } from '../../core/schedule/zoned-time.ts';
import type { DailyPostJob } from '../../queue/daily-jobs.ts';

/**
 * Whether a `daily-post` job posts, and for which local date. Scheduled and one-off runs go
 * through the core's `decideScheduledPost` with the instant the run stands for: a one-off
 * run's `scheduledAt`, else the scheduler's `job.opts.prevMillis` (never `job.timestamp`,
 * which is when BullMQ created the job, usually the day before). `daily now` posts for the
 * local date it was asked on, unless that day is over by the time the job runs.
 */
export type RunDecision =
  | Extract<PostDecision, { action: 'post' }>
  | { action: 'skip'; reason: SkipReason | 'no_schedule' | 'no_instant'; detail: string; localDate?: string };

export function decideRun(job: DailyPostJob, prevMillis: number | undefined, schedule: DailySchedule | undefined, now: Date, defaultTimezone: string): RunDecision {
  if (job.manual) {
    const timezone = schedule?.timezone ?? defaultTimezone;
    const { localDate, requestedAt } = job.manual;
    const today = localDateOf(now, timezone);
    if (today > localDate) {
      return { action: 'skip', reason: 'day_over', localDate, detail: `\`daily now\` for ${localDate} ran only on ${today} in ${timezone}` };
    }
    return { action: 'post', idempotencyKey: dailyPostKey(job.channelKey, localDate), localDate, scheduledAt: new Date(requestedAt), lateByMs: Math.max(0, now.getTime() - requestedAt) };
  }
  if (!schedule) return { action: 'skip', reason: 'no_schedule', detail: 'the channel has no daily schedule' };
  const at = job.scheduledAt ?? prevMillis;
  if (at === undefined) return { action: 'skip', reason: 'no_instant', detail: 'the job names no scheduled instant (no scheduledAt, no prevMillis)' };
  return decideScheduledPost(schedule, new Date(at), now);
}

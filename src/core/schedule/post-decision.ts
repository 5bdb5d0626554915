import { slotOnLocalDate } from './cron-runs.ts';
import type { DailySchedule } from './daily-schedule.ts';
import type { LocalDate } from './local-date.ts';
import { localDateOf, zonedParts, type ZonedParts } from './zoned-time.ts';

/**
 * Whether a fired daily job should post. The one rule that prevents duplicates: a channel
 * gets at most one daily question per local date, enforced by the idempotency key
 * `daily:<channelKey>:<localDate>`. The caller claims it atomically (e.g. Redis `SET key 1
 * NX EX 172800`) right before posting and posts only if the claim succeeds. Restarts, two
 * workers, a schedule change, a repeated fall-back hour and `daily now` all collapse onto it.
 */
export type SkipReason =
  /** The channel turned daily questions off after the job was queued. */
  | 'disabled'
  /** The run's local weekday is not in the schedule (the days changed after it was queued). */
  | 'not_scheduled_day'
  /** The run is not a time the current schedule fires at (the time or zone changed). */
  | 'not_scheduled_time'
  /** The run's local day ended before it could be processed: missed, not posted late. */
  | 'day_over';

export type PostDecision =
  | { action: 'post'; idempotencyKey: string; localDate: LocalDate; scheduledAt: Date; lateByMs: number }
  | { action: 'skip'; reason: SkipReason; localDate: LocalDate; scheduledAt: Date; detail: string };

/** `daily:<channelKey>:<localDate>`. Contains colons, so use it as a store key, not a BullMQ job id. */
export function dailyPostKey(channelKey: string, localDate: LocalDate): string {
  return `daily:${channelKey}:${localDate}`;
}

function skip(reason: SkipReason, localDate: LocalDate, scheduledAt: Date, detail: string): PostDecision {
  return { action: 'skip', reason, localDate, scheduledAt, detail };
}

/**
 * Whether the instant is a run of the current schedule: the day's slot (which may be moved
 * by a DST gap, 02:30 → 03:30), or any instant showing the scheduled wall time (the second
 * 01:30 of a fall-back day, which BullMQ schedules when it computes the next run from inside
 * the repeated hour; the day's key then stops it from posting twice). A stale job from an
 * older schedule, or a wrong instant such as `job.timestamp`, is neither.
 */
function isRunOf(schedule: DailySchedule, scheduledAt: Date, local: ZonedParts): boolean {
  if (scheduledAt.getTime() % 60_000 === 0 && local.time === schedule.time) return true;
  return slotOnLocalDate(schedule, local.date)?.getTime() === scheduledAt.getTime();
}

/**
 * Decides a scheduled run. `scheduledAt` is the instant the run was scheduled for; with
 * BullMQ 6 job schedulers that is `job.opts.prevMillis` (also the number ending the job id
 * `repeat:<schedulerId>:<millis>`), NOT `job.timestamp`, which is when the job was created
 * (usually while the previous day's run was processed).
 *
 * Missed-post rule: a run that is processed late (workers were down) still posts if the
 * channel's local date is the run's local date; once that day is over it is skipped, so a
 * team never gets yesterday's question in the morning.
 */
export function decideScheduledPost(schedule: DailySchedule, scheduledAt: Date, now: Date): PostDecision {
  const local = zonedParts(scheduledAt, schedule.timezone);
  if (!schedule.enabled) return skip('disabled', local.date, scheduledAt, 'daily questions are off in this channel');
  if (!schedule.days.includes(local.weekday)) {
    return skip('not_scheduled_day', local.date, scheduledAt, `${local.date} is not a scheduled weekday in ${schedule.timezone}`);
  }
  if (!isRunOf(schedule, scheduledAt, local)) {
    return skip('not_scheduled_time', local.date, scheduledAt, `${local.time} ${schedule.timezone} is not when this schedule posts (${schedule.time} on ${local.date})`);
  }
  const today = localDateOf(now, schedule.timezone);
  if (today > local.date) {
    return skip('day_over', local.date, scheduledAt, `the run for ${local.date} was missed; it is already ${today} in ${schedule.timezone}`);
  }
  return {
    action: 'post',
    idempotencyKey: dailyPostKey(schedule.channelKey, local.date),
    localDate: local.date,
    scheduledAt,
    lateByMs: Math.max(0, now.getTime() - scheduledAt.getTime()),
  };
}

/**
 * `daily now`: post today's question at once. It claims today's key, so the scheduled run
 * later today finds it taken and does not post again; if today's question is already up,
 * the claim fails and the caller should point to it instead of posting a second one. Works
 * on unscheduled days and with daily questions off: the person asked for it explicitly.
 */
export function decideManualPost(channel: { channelKey: string; timezone: string }, now: Date): Extract<PostDecision, { action: 'post' }> {
  const localDate = localDateOf(now, channel.timezone);
  return { action: 'post', idempotencyKey: dailyPostKey(channel.channelKey, localDate), localDate, scheduledAt: now, lateByMs: 0 };
}

/** When to reveal the key points: a fixed elapsed time after the question actually went out. */
export function revealAt(postedAt: Date, schedule: Pick<DailySchedule, 'revealAfterMinutes'>): Date {
  return new Date(postedAt.getTime() + schedule.revealAfterMinutes * 60_000);
}

import type { DailySchedule } from '../../core/schedule/daily-schedule.ts';

/**
 * The port through which daily questions are timed: the job scheduler per channel, one-off
 * runs, `daily now`, and reveals. Implemented over BullMQ (src/queue/daily-scheduling.ts);
 * every method is idempotent (deterministic ids), so a re-run job may call it again.
 */
export interface DailyRun {
  channelKey: string;
  /** The instant the run stands for (its local date is the post's). */
  scheduledAt: number;
}

export interface DailyNowRequest {
  channelKey: string;
  localDate: string;
  /** The command's event key: each request is its own job; the day's claim keeps it to one post. */
  requestId: string;
  requestedBy: string;
  requestedAt: number;
}

export interface DailyScheduling {
  /** Makes the channel's job scheduler match the schedule: upserted when enabled, removed when off. */
  apply(schedule: DailySchedule): Promise<void>;
  /** The instant of the run the channel's scheduler has pending (epoch ms), if it has one. */
  pendingRun(channelKey: string): Promise<number | undefined>;
  /** A one-off run (boot recovery, a DST repair), at most one per channel and local date. */
  runOnce(run: DailyRun, localDate: string, delayMs: number): Promise<void>;
  /** `daily now`: a run for today, at once (posting only if today's claim is free). */
  postNow(request: DailyNowRequest): Promise<void>;
  /** The reveal for a channel's local date, at most one. */
  revealLater(reveal: { channelKey: string; localDate: string }, delayMs: number): Promise<void>;
}

/** What the `daily …` commands need besides the interaction deps. */
export interface DailyServices {
  scheduling: DailyScheduling;
  /** The installer's zone (OBS_DEFAULT_TIMEZONE) for a channel without one. */
  defaultTimezone: string;
}

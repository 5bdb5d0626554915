import { UserError } from '../errors.ts';
import type { DailyCommand } from './daily-command.ts';
import { dailyScheduleSchema, type DailySchedule } from './daily-schedule.ts';
import { DEFAULT_REVEAL_AFTER_MINUTES } from './duration.ts';
import { assertNoDstProblems } from './dst-gaps.ts';

/**
 * Turning parsed commands into the stored schedule. The caller then upserts (or, for
 * `off`, removes) the channel's job scheduler; it does not post for a time already past
 * today: `daily now` is for that.
 */
export function applySet(
  previous: DailySchedule | undefined,
  command: Extract<DailyCommand, { kind: 'set' }>,
  context: { channelKey: string; now: Date },
): DailySchedule {
  assertNoDstProblems(command, context.now);
  return dailyScheduleSchema.parse({
    channelKey: context.channelKey,
    time: command.time,
    timezone: command.timezone,
    days: command.days,
    topics: command.topics,
    revealAfterMinutes: previous?.revealAfterMinutes ?? DEFAULT_REVEAL_AFTER_MINUTES,
    enabled: true,
    updatedAt: context.now.toISOString(),
  });
}

function requireSchedule(previous: DailySchedule | undefined): DailySchedule {
  if (!previous) throw new UserError('daily_not_set', 'This channel has no daily question yet. Start one with `daily set 09:30`.');
  return previous;
}

/**
 * The reveal delay does not change when questions are posted, so `updatedAt` stays: moving it
 * would hide a run missed earlier today from boot recovery.
 */
export function applyRevealAfter(previous: DailySchedule | undefined, minutes: number, _now: Date): DailySchedule {
  return dailyScheduleSchema.parse({ ...requireSchedule(previous), revealAfterMinutes: minutes });
}

export function applyOff(previous: DailySchedule | undefined, now: Date): DailySchedule {
  return { ...requireSchedule(previous), enabled: false, updatedAt: now.toISOString() };
}

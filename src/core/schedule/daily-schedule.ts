import { z } from 'zod';
import { slug } from '../content/schema.ts';
import { REVEAL_AFTER_MAX_MINUTES, REVEAL_AFTER_MIN_MINUTES, formatDuration } from './duration.ts';
import { isValidTimeZone } from './timezone.ts';
import { formatDays, weekdaySchema, type Weekday } from './weekdays.ts';

/**
 * One channel's daily-question schedule, stored as JSON. The wall-clock `time` in
 * `timezone` is the source of truth; instants are always derived from it, so a DST change
 * or a server in another zone cannot move the local posting time.
 */
export const dailyScheduleSchema = z.strictObject({
  /** Platform-neutral channel id, e.g. `slack:T1:C1`. */
  channelKey: z.string().min(1),
  /** Local posting time, 24-hour 'HH:MM'. */
  time: z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'must be 24-hour HH:MM'),
  /** IANA zone, e.g. Europe/Berlin. */
  timezone: z.string().refine(isValidTimeZone, 'must be an IANA timezone such as Europe/Berlin'),
  /** Local weekdays, 0 = Sunday, sorted and unique. */
  days: z
    .array(weekdaySchema)
    .min(1, 'needs at least one day')
    .refine((days) => days.every((day, index) => index === 0 || day > (days[index - 1] ?? -1)), 'days must be sorted and unique'),
  /** Topic slugs to draw from; empty means every topic. */
  topics: z.array(slug),
  revealAfterMinutes: z.number().int().min(REVEAL_AFTER_MIN_MINUTES).max(REVEAL_AFTER_MAX_MINUTES),
  enabled: z.boolean(),
  /** When the posting time, days or zone last changed (ISO 8601). Runs due before this were not under it. */
  updatedAt: z.iso.datetime({ offset: true }),
});
export type DailySchedule = z.infer<typeof dailyScheduleSchema>;

/** The cron day-of-week field: `*`, `1-5`, `1,3,5`, `0-4`. */
function dayField(days: readonly Weekday[]): string {
  if (days.length === 7) return '*';
  const runs: Weekday[][] = [];
  for (const day of days) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1] === day - 1) run.push(day);
    else runs.push([day]);
  }
  return runs
    .flatMap((run) => (run.length >= 3 ? [`${run[0]}-${run[run.length - 1]}`] : run.map(String)))
    .join(',');
}

/**
 * The BullMQ/cron-parser pattern, with a seconds field: `0 30 9 * * 1-5`. Pass it together
 * with `tz: schedule.timezone`; the pattern alone is wall-clock time in no zone.
 */
export function cronPatternFor(schedule: Pick<DailySchedule, 'time' | 'days'>): string {
  const [hour, minute] = schedule.time.split(':').map(Number);
  return `0 ${minute} ${hour} * * ${dayField(schedule.days)}`;
}

/**
 * The BullMQ job-scheduler id: one per channel, so upserting on every boot or on every
 * `daily set` replaces the channel's scheduler instead of adding a second one. Colons are
 * percent-encoded because BullMQ treats colon-separated scheduler keys of a certain shape
 * as legacy repeatable-job keys.
 */
export function schedulerIdFor(channelKey: string): string {
  return `daily.${encodeURIComponent(channelKey)}`;
}

/** For `daily status`: "Mon–Fri at 09:30 Europe/Berlin, all topics, key points after 8h". */
export function describeSchedule(schedule: DailySchedule): string {
  const topics = schedule.topics.length === 0 ? 'all topics' : `topics: ${schedule.topics.join(', ')}`;
  const state = schedule.enabled ? '' : ' (off)';
  const days = formatDays(schedule.days);
  return `${days.charAt(0).toUpperCase()}${days.slice(1)} at ${schedule.time} ${schedule.timezone}, ${topics}, key points revealed after ${formatDuration(schedule.revealAfterMinutes)}${state}`;
}

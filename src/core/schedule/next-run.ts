import type { DailySchedule } from './daily-schedule.ts';
import { slotOnLocalDate } from './cron-runs.ts';
import { addDays, formatLocalDate, weekdayOfDate } from './local-date.ts';
import { localDateOf, zonedParts } from './zoned-time.ts';

export { localDateOf } from './zoned-time.ts';

/**
 * Upcoming posting instants: one per scheduled local day, each the day's first cron-parser
 * run (so a repeated fall-back hour counts once), strictly after `from`, at most `count`.
 * Days are walked in the schedule's zone and each day's run is computed from before the day
 * starts, so the answer does not depend on where inside a DST window `from` falls. A disabled
 * schedule has none. Days on which cron-parser has no run at all (a time inside a gap it
 * cannot place, see dst-gaps.ts) are absent, exactly as BullMQ would not fire them.
 */
export function nextRuns(schedule: DailySchedule, from: Date, count: number): Date[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number ≥ 0, got ${count}`);
  if (!schedule.enabled || count === 0) return [];
  const days = new Set<number>(schedule.days);
  const runs: Date[] = [];
  // One scheduled weekday per week at least, plus a day either side: enough to find `count`.
  const lastDay = count * 7 + 2;
  let date = localDateOf(from, schedule.timezone);
  for (let offset = 0; offset <= lastDay && runs.length < count; offset += 1, date = addDays(date, 1)) {
    if (!days.has(weekdayOfDate(date))) continue;
    const slot = slotOnLocalDate(schedule, date);
    if (slot && slot.getTime() > from.getTime()) runs.push(slot);
  }
  return runs;
}

/** "Mon 2 Mar 09:00" in the zone. */
export function formatLocal(instant: Date, timeZone: string): string {
  const parts = zonedParts(instant, timeZone);
  return `${formatLocalDate(parts.date)} ${parts.time}`;
}

/** "in 45 min", "in 3 h 20 min", "in 14 h", "in 3 days". */
export function formatIn(millis: number): string {
  const minutes = Math.max(1, Math.ceil(millis / 60_000));
  if (minutes < 60) return `in ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours < 10) return rest === 0 ? `in ${hours} h` : `in ${hours} h ${rest} min`;
  if (minutes < 48 * 60) return `in ${Math.round(minutes / 60)} h`;
  return `in ${Math.round(minutes / 1440)} days`;
}

/** For `daily status`: "Next question: Mon 2 Mar 09:00 Europe/Berlin (in 14 h)". */
export function describeNextRun(schedule: DailySchedule, now: Date): string {
  if (!schedule.enabled) return 'Daily questions are off in this channel. Turn them on with `daily set HH:MM`.';
  const [next] = nextRuns(schedule, now, 1);
  if (!next) return `No upcoming question found for ${schedule.time} ${schedule.timezone}.`;
  return `Next question: ${formatLocal(next, schedule.timezone)} ${schedule.timezone} (${formatIn(next.getTime() - now.getTime())})`;
}

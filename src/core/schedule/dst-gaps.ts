import { UserError } from '../errors.ts';
import { slotOnLocalDate } from './cron-runs.ts';
import type { DailySchedule } from './daily-schedule.ts';
import { addDays, formatLocalDate, weekdayOfDate, type LocalDate } from './local-date.ts';
import { formatDays, shortDayName } from './weekdays.ts';
import { instantsAtWallTime, localDateOf, zonedParts } from './zoned-time.ts';

/**
 * Scheduled days on which cron-parser 5.10.3 (and so BullMQ) would not post exactly once
 * at the asked time. In the zones most teams use (Europe, North America, India) there are
 * none: a time inside a spring-forward gap moves an hour later (02:30 → 03:30), and a
 * repeated fall-back hour fires once. A scan of every zone's 2026 changes at 15-minute
 * steps found the exceptions (docs/daily-schedule.md): days with no run at all next to
 * midnight gaps (America/Santiago, America/Havana, Africa/Cairo, Asia/Beirut,
 * Atlantic/Azores), late-evening gaps (America/Nuuk 22:00–23:59) and half-hour changes
 * (Australia/Lord_Howe, where cron-parser even fails outright), and a run an hour late
 * (Pacific/Chatham 03:45). `daily set` refuses such a time instead of silently missing a
 * day; the check looks a year ahead, one full cycle of the current rules.
 */
export type DstProblem =
  /** No run that day. `timeExists` is false when the clocks skip the time that day. */
  | { kind: 'no-run'; date: LocalDate; timeExists: boolean }
  /** The run shows `postsAt` although the asked time exists that day. */
  | { kind: 'wrong-time'; date: LocalDate; postsAt: string };

type ScheduleTimes = Pick<DailySchedule, 'time' | 'days' | 'timezone'>;

function problemOn(schedule: ScheduleTimes, date: LocalDate): DstProblem | undefined {
  const slot = slotOnLocalDate(schedule, date);
  if (!slot) return { kind: 'no-run', date, timeExists: instantsAtWallTime(date, schedule.time, schedule.timezone).length > 0 };
  const postsAt = zonedParts(slot, schedule.timezone).time;
  // A different time is right only when the asked one does not exist that day (the gap shift).
  if (postsAt !== schedule.time && instantsAtWallTime(date, schedule.time, schedule.timezone).length > 0) {
    return { kind: 'wrong-time', date, postsAt };
  }
  return undefined;
}

export function findDstProblems(schedule: ScheduleTimes, from: Date, horizonDays = 366): DstProblem[] {
  const days = new Set<number>(schedule.days);
  const problems: DstProblem[] = [];
  let date = localDateOf(from, schedule.timezone);
  for (let offset = 0; offset < horizonDays; offset += 1, date = addDays(date, 1)) {
    const problem = days.has(weekdayOfDate(date)) ? problemOn(schedule, date) : undefined;
    if (problem) problems.push(problem);
  }
  return problems;
}

/** Throws a `UserError` naming the first day the schedule would not post as asked. */
export function assertNoDstProblems(schedule: ScheduleTimes, now: Date): void {
  const [problem] = findDstProblems(schedule, now);
  if (!problem) return;
  const on = `${schedule.time} ${schedule.timezone} on ${formatLocalDate(problem.date, true)}`;
  const what =
    problem.kind === 'wrong-time'
      ? `The scheduler would post at ${problem.postsAt} instead of ${on}, next to that day's clock change.`
      : problem.timeExists
        ? `The scheduler cannot place ${on}, next to that day's clock change, so that day would get no question.`
        : `${on} does not exist (the clocks jump over it), and the scheduler would skip that day.`;
  const weekday = weekdayOfDate(problem.date);
  const otherDays = schedule.days.filter((day) => day !== weekday);
  const leaveOut = otherDays.length > 0 ? ` or leave out ${shortDayName(weekday)} (e.g. ${formatDays(otherDays)})` : '';
  throw new UserError('daily_time_in_dst_gap', `${what} Pick another time${problem.kind === 'no-run' && !problem.timeExists ? `, e.g. ${twoHoursLater(schedule.time)},` : ''}${leaveOut}.`);
}

/** Two hours later is past any current DST gap: the longest, Antarctica/Troll's, is two hours. */
function twoHoursLater(time: string): string {
  const [hour, minute] = time.split(':').map(Number);
  return `${String(((hour ?? 0) + 2) % 24).padStart(2, '0')}:${String(minute ?? 0).padStart(2, '0')}`;
}

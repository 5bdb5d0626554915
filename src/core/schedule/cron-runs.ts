import { CronExpressionParser, type CronExpression } from 'cron-parser';
import { cronPatternFor, type DailySchedule } from './daily-schedule.ts';
import { utcMidnightOf, type LocalDate } from './local-date.ts';
import { localDateOf, offsetMinutesAt } from './zoned-time.ts';

/**
 * Raw cron-parser answers, computed the way BullMQ 6's job scheduler computes them:
 * `CronExpressionParser.parse(pattern, { currentDate, tz }).next()`, strictly after
 * `currentDate`. BullMQ calls it with `currentDate = max(now, previous run)` whenever it
 * creates a scheduler's next job, including on every upsert.
 *
 * Two cron-parser 5.10.3 behaviours matter (see docs/daily-schedule.md):
 * - Fall back (a local hour repeats): iterating from before the repeat yields the first
 *   occurrence only, but a `currentDate` inside the repeated hour yields the second one too,
 *   so the same local date can get a second run.
 * - Spring forward (a local hour is skipped): a time inside the gap fires at the same
 *   minute of the first hour after it (02:30 → 03:30), but only when iterating from before
 *   the gap; a `currentDate` between the end of the gap and that shifted time skips the day.
 */
type ScheduleTimes = Pick<DailySchedule, 'time' | 'days' | 'timezone'>;

/**
 * cron-parser gives up with "Invalid expression, loop limit exceeded" in a few DST cases,
 * e.g. the run on 5 Apr 2026, for most times of day, in Australia/Lord_Howe (a half-hour
 * fall back), computed from the day before. BullMQ's
 * repeat strategy swallows that error and then schedules no next job: the channel's
 * scheduler silently stops. We report it as "no run" (undefined) instead of throwing.
 */
function nextOrUndefined(expression: CronExpression): Date | undefined {
  try {
    return expression.next().toDate();
  } catch (error) {
    if (error instanceof Error && /loop limit exceeded/i.test(error.message)) return undefined;
    throw error;
  }
}

/**
 * The first raw cron run strictly after `from`: exactly what BullMQ would schedule next.
 * Undefined when cron-parser cannot find one, i.e. when BullMQ would stop the scheduler.
 */
export function cronNextAfter(schedule: ScheduleTimes, from: Date): Date | undefined {
  return nextOrUndefined(CronExpressionParser.parse(cronPatternFor(schedule), { currentDate: from, tz: schedule.timezone }));
}

const HOUR = 3_600_000;
// No zone's offset changes by more than 2 h (Antarctica/Troll); 3 h keeps a margin.
const MARGIN = 3 * HOUR;
// At most: the previous day's run, the day's one or two runs, the next day's run.
const MAX_STEPS = 4;

/**
 * The raw cron runs whose local date is `date`, iterating forward from before the day
 * begins (so the spring-forward start-inside-the-window skip cannot happen). For a daily
 * pattern that is none (not a scheduled weekday, a gap cron-parser cannot place, or a
 * cron-parser failure, see `nextOrUndefined`) or one: forward iteration yields only the
 * first of a repeated fall-back hour. The loop would
 * still collect a second one if a cron-parser upgrade started yielding it, and the tests
 * would notice. It stops after the day's run unless the day changes offset: cron-parser
 * costs milliseconds per step.
 */
export function cronRunsOnLocalDate(schedule: ScheduleTimes, date: LocalDate): Date[] {
  const midnightUtc = utcMidnightOf(date).getTime();
  // Local midnight is midnightUtc minus the offset; the offset read at midnightUtc is off
  // by at most one DST change, which the margin covers.
  const start = midnightUtc - offsetMinutesAt(new Date(midnightUtc), schedule.timezone) * 60_000 - MARGIN;
  const changesOffset =
    offsetMinutesAt(new Date(start), schedule.timezone) !== offsetMinutesAt(new Date(start + 24 * HOUR + 2 * MARGIN), schedule.timezone);
  const expression = CronExpressionParser.parse(cronPatternFor(schedule), { currentDate: new Date(start), tz: schedule.timezone });
  const runs: Date[] = [];
  for (let step = 0; step < MAX_STEPS; step += 1) {
    const run = nextOrUndefined(expression);
    if (!run) break;
    const runDate = localDateOf(run, schedule.timezone);
    if (runDate > date) break;
    if (runDate === date) {
      runs.push(run);
      if (!changesOffset) break;
    }
  }
  return runs;
}

/** The day's posting instant: its first cron run, or undefined when it has none. */
export function slotOnLocalDate(schedule: ScheduleTimes, date: LocalDate): Date | undefined {
  return cronRunsOnLocalDate(schedule, date)[0];
}

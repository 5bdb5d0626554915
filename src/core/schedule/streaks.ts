import type { DailySchedule } from './daily-schedule.ts';
import { addDays, monthOf, weekdayOfDate, type LocalDate } from './local-date.ts';

/**
 * A streak counts consecutive scheduled days, in the channel's local dates, on which a
 * person answered. Unscheduled days neither break nor extend it (on a Mon–Fri schedule a
 * Friday then Monday run is unbroken; a Saturday answer to `daily now` adds nothing). Today
 * counts once answered, and does not break the streak while it is still open.
 */
export function currentStreak(
  answeredDates: Iterable<LocalDate>,
  schedule: Pick<DailySchedule, 'days'>,
  today: LocalDate,
): number {
  const answered = new Set(answeredDates);
  const scheduled = new Set<number>(schedule.days);
  if (scheduled.size === 0) return 0;
  const previousScheduled = (date: LocalDate): LocalDate => {
    let day = addDays(date, -1);
    while (!scheduled.has(weekdayOfDate(day))) day = addDays(day, -1);
    return day;
  };
  let day = scheduled.has(weekdayOfDate(today)) ? today : previousScheduled(today);
  if (day === today && !answered.has(today)) day = previousScheduled(today);
  let streak = 0;
  // Bounded by the answers: each step that continues the streak consumes one of them.
  while (answered.has(day) && streak < answered.size) {
    streak += 1;
    day = previousScheduled(day);
  }
  return streak;
}

export interface DailyPoints {
  localDate: LocalDate;
  pointsCovered: number;
}

/** Rubric points covered in the calendar month (channel-local) that `today` falls in. */
export function pointsCoveredThisMonth(entries: Iterable<DailyPoints>, today: LocalDate): number {
  const month = monthOf(today);
  let total = 0;
  for (const entry of entries) if (monthOf(entry.localDate) === month) total += entry.pointsCovered;
  return total;
}

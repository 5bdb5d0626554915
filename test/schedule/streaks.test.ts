import { describe, expect, it } from 'vitest';
import { currentStreak, pointsCoveredThisMonth } from '../../src/core/schedule/streaks.ts';

const weekdays = { days: [1, 2, 3, 4, 5] as const };
const mwf = { days: [1, 3, 5] as const };
const daily = { days: [0, 1, 2, 3, 4, 5, 6] as const };
// March 2026: Mon 2, Tue 3, … Fri 6, Sat 7, Sun 8, Mon 9, Tue 10.
const streak = (answered: string[], schedule: { days: readonly (0 | 1 | 2 | 3 | 4 | 5 | 6)[] }, today: string): number =>
  currentStreak(answered, { days: [...schedule.days] }, today);

describe('currentStreak', () => {
  it('counts consecutive scheduled days, and the weekend does not break a weekday streak', () => {
    expect(streak(['2026-03-05', '2026-03-06', '2026-03-09', '2026-03-10'], weekdays, '2026-03-10')).toBe(4);
  });

  it('does not break while today is still open', () => {
    expect(streak(['2026-03-05', '2026-03-06', '2026-03-09'], weekdays, '2026-03-10')).toBe(3);
  });

  it('ends on the last scheduled day when today is not one', () => {
    expect(streak(['2026-03-05', '2026-03-06'], weekdays, '2026-03-08')).toBe(2);
  });

  it('a missed scheduled day breaks it', () => {
    expect(streak(['2026-03-04', '2026-03-06', '2026-03-09'], weekdays, '2026-03-09')).toBe(2);
    expect(streak(['2026-03-05', '2026-03-06'], weekdays, '2026-03-10')).toBe(0); // Monday 9 was missed
  });

  it('on a Mon/Wed/Fri schedule the days between do not count', () => {
    expect(streak(['2026-03-02', '2026-03-04', '2026-03-06', '2026-03-09'], mwf, '2026-03-10')).toBe(4);
  });

  it('an answer on an unscheduled day neither extends nor breaks it', () => {
    expect(streak(['2026-03-06', '2026-03-07', '2026-03-09'], weekdays, '2026-03-09')).toBe(2);
  });

  it('on a daily schedule the weekend counts', () => {
    expect(streak(['2026-03-06', '2026-03-08', '2026-03-09'], daily, '2026-03-09')).toBe(2);
    expect(streak(['2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09'], daily, '2026-03-09')).toBe(4);
  });

  it('crosses month and year ends, and ignores dates after today', () => {
    expect(streak(['2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02', '2026-01-05'], weekdays, '2026-01-02')).toBe(4);
  });

  it('is 0 with no answers', () => {
    expect(streak([], weekdays, '2026-03-10')).toBe(0);
  });
});

describe('pointsCoveredThisMonth', () => {
  it('sums the entries in today’s local month only', () => {
    const entries = [
      { localDate: '2026-02-27', pointsCovered: 5 },
      { localDate: '2026-03-02', pointsCovered: 3 },
      { localDate: '2026-03-31', pointsCovered: 4 },
      { localDate: '2027-03-01', pointsCovered: 9 },
    ];
    expect(pointsCoveredThisMonth(entries, '2026-03-15')).toBe(7);
    expect(pointsCoveredThisMonth([], '2026-03-15')).toBe(0);
  });
});

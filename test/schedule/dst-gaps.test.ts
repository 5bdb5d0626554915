import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.ts';
import { cronNextAfter } from '../../src/core/schedule/cron-runs.ts';
import { assertNoDstProblems, findDstProblems } from '../../src/core/schedule/dst-gaps.ts';
import { instantsAtWallTime } from '../../src/core/schedule/zoned-time.ts';
import { local, makeSchedule } from './fixtures.ts';

/**
 * Where cron-parser 5.10.3 does not post exactly once at the asked time. BullMQ would
 * silently miss the day (or, on Lord Howe Island, stop the scheduler), so `daily set`
 * refuses these times. Cases come from a scan of every zone's 2026 changes.
 */
const DAILY = [0, 1, 2, 3, 4, 5, 6] as const;
const times = (timezone: string, time: string) => ({ timezone, time, days: [...DAILY] });
const YEAR_2026 = new Date('2026-01-01T12:00:00Z');

function refusal(timezone: string, time: string): UserError {
  try {
    assertNoDstProblems(times(timezone, time), YEAR_2026);
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error(`${time} ${timezone} was accepted`);
}

describe('instantsAtWallTime (independent of cron-parser)', () => {
  it('finds none in a gap, two in a repeated hour, one otherwise', () => {
    expect(instantsAtWallTime('2026-03-29', '02:30', 'Europe/Berlin')).toEqual([]);
    expect(instantsAtWallTime('2026-11-01', '01:30', 'America/New_York')).toEqual([new Date('2026-11-01T05:30:00Z'), new Date('2026-11-01T06:30:00Z')]);
    expect(instantsAtWallTime('2026-03-02', '09:00', 'Asia/Kolkata')).toEqual([new Date('2026-03-02T03:30:00Z')]);
  });
});

describe('findDstProblems', () => {
  it('finds none for any hour or half hour in Berlin, New York and Kolkata around both 2026 changes', () => {
    for (const timezone of ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata']) {
      for (const time of ['00:00', '00:30', '01:00', '01:30', '02:00', '02:30', '02:59', '03:00', '03:30', '09:00']) {
        expect(findDstProblems(times(timezone, time), new Date('2026-03-05T12:00:00Z'), 30)).toEqual([]);
        expect(findDstProblems(times(timezone, time), new Date('2026-10-20T12:00:00Z'), 15)).toEqual([]);
      }
    }
  });

  it('finds the day a midnight gap swallows', () => {
    expect(findDstProblems(times('America/Santiago', '00:30'), YEAR_2026)).toEqual([{ kind: 'no-run', date: '2026-09-06', timeExists: false }]);
    expect(findDstProblems(times('America/Havana', '00:30'), YEAR_2026)).toEqual([{ kind: 'no-run', date: '2026-03-08', timeExists: false }]);
  });

  it('finds a day cron-parser skips although the time exists (Nuuk 22:30, the evening before its gap)', () => {
    expect(findDstProblems(times('America/Nuuk', '22:30'), new Date('2026-03-20T12:00:00Z'), 20)).toEqual([{ kind: 'no-run', date: '2026-03-28', timeExists: true }]);
  });

  it('finds a run an hour late (Chatham Islands 03:45 on 27 Sep 2026 fires at 04:45)', () => {
    expect(findDstProblems(times('Pacific/Chatham', '03:45'), new Date('2026-09-20T12:00:00Z'), 14)).toEqual([{ kind: 'wrong-time', date: '2026-09-27', postsAt: '04:45' }]);
  });

  it('finds both problem days on Lord Howe Island (half-hour DST)', () => {
    expect(findDstProblems(times('Australia/Lord_Howe', '02:15'), YEAR_2026)).toEqual([
      { kind: 'no-run', date: '2026-04-05', timeExists: true },
      { kind: 'no-run', date: '2026-10-04', timeExists: false },
    ]);
  });

  it('a weekday schedule is unaffected by changes that happen on Sundays', () => {
    expect(findDstProblems({ ...times('America/Santiago', '00:30'), days: [1, 2, 3, 4, 5] }, YEAR_2026)).toEqual([]);
    expect(findDstProblems({ ...times('Australia/Lord_Howe', '09:00'), days: [1, 2, 3, 4, 5] }, YEAR_2026)).toEqual([]);
  });
});

describe('cron-parser failure on Lord Howe Island', () => {
  it('finds no run after 09:00 on Sat 4 Apr 2026, before the half-hour fall back (BullMQ would stop the scheduler)', () => {
    const schedule = makeSchedule(times('Australia/Lord_Howe', '09:00'));
    const saturday = new Date('2026-04-03T22:00:00Z');
    expect(local(saturday, 'Australia/Lord_Howe')).toBe('2026-04-04 09:00');
    expect(cronNextAfter(schedule, saturday)).toBeUndefined();
    expect(findDstProblems(schedule, YEAR_2026)).toEqual([{ kind: 'no-run', date: '2026-04-05', timeExists: true }]);
  });
});

describe('assertNoDstProblems', () => {
  it('refuses a time in a gap with a UserError naming the time, zone and date, and suggesting fixes', () => {
    const error = refusal('America/Santiago', '00:30');
    expect(error.code).toBe('daily_time_in_dst_gap');
    expect(error.message).toBe(
      '00:30 America/Santiago on Sun 6 Sep 2026 does not exist (the clocks jump over it), and the scheduler would skip that day. Pick another time, e.g. 02:30, or leave out Sun (e.g. Mon–Sat).',
    );
  });

  it('explains a day cron-parser cannot place, and a late run', () => {
    expect(refusal('Australia/Lord_Howe', '09:00').message).toContain('cannot place 09:00 Australia/Lord_Howe on Sun 5 Apr 2026');
    expect(refusal('Pacific/Chatham', '03:45').message).toContain('would post at 04:45 instead of 03:45 Pacific/Chatham on Sun 27 Sep 2026');
  });

  it('accepts a time that runs as asked on every scheduled day', () => {
    expect(() => assertNoDstProblems(times('Europe/Berlin', '02:30'), YEAR_2026)).not.toThrow();
  });
});

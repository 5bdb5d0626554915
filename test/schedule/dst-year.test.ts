import { describe, expect, it } from 'vitest';
import { nextRuns } from '../../src/core/schedule/next-run.ts';
import { instantsAtWallTime, localDateOf } from '../../src/core/schedule/zoned-time.ts';
import type { Weekday } from '../../src/core/schedule/weekdays.ts';
import { cronNext, datesOf, local, makeSchedule } from './fixtures.ts';

/**
 * A whole year in three zones: both 2026 DST changes in Berlin (29 Mar, 25 Oct) and New
 * York (8 Mar, 1 Nov), and Kolkata, which has none. Every scheduled local day must get
 * exactly one run, at the right local time.
 */
const ZONES = [
  { zone: 'Europe/Berlin', springForward: '2026-03-29', fallBack: '2026-10-25' },
  { zone: 'America/New_York', springForward: '2026-03-08', fallBack: '2026-11-01' },
  { zone: 'Asia/Kolkata', springForward: undefined, fallBack: undefined },
] as const;
// 02:30 is skipped on spring-forward day in both DST zones; 01:30 (New York) and 02:30
// (Berlin) happen twice on fall-back day; 00:00 and 23:30 sit at the day's edges.
const TIMES = ['09:00', '02:30', '01:30', '00:00', '23:30'] as const;
const DAILY: Weekday[] = [0, 1, 2, 3, 4, 5, 6];
const FROM = new Date('2025-12-30T00:00:00Z');

function runsIn2026(zone: string, time: string, days: Weekday[]): Date[] {
  const schedule = makeSchedule({ timezone: zone, time, days });
  return nextRuns(schedule, FROM, 380).filter((run) => localDateOf(run, zone).startsWith('2026-'));
}

/** The wall time a run must show: the scheduled time, or an hour later inside the spring gap (02:00–02:59). */
function expectedTime(date: string, time: string, springForward: string | undefined): string {
  const hour = Number(time.slice(0, 2));
  return date === springForward && hour === 2 ? `03${time.slice(2)}` : time;
}

describe.each(ZONES)('a year of daily questions in $zone', ({ zone, springForward }) => {
  it.each(TIMES)('%s: one run per local day, at the right local time, no date twice', (time) => {
    const runs = runsIn2026(zone, time, DAILY);
    const dates = runs.map((run) => localDateOf(run, zone));
    expect(new Set(dates).size).toBe(dates.length);
    expect(dates).toEqual(datesOf(2026));
    for (const run of runs) {
      const date = localDateOf(run, zone);
      expect(local(run, zone)).toBe(`${date} ${expectedTime(date, time, springForward)}`);
      // Where the wall time exists (twice on fall-back day), the run is its first instant.
      const instants = instantsAtWallTime(date, time, zone);
      if (instants.length > 0) expect(run).toEqual(instants[0]);
    }
  });

  it('weekdays only: one run on each Monday–Friday, none at weekends', () => {
    const runs = runsIn2026(zone, '09:00', [1, 2, 3, 4, 5]);
    const weekdays = datesOf(2026).filter((date) => ![0, 6].includes(new Date(`${date}T12:00:00Z`).getUTCDay()));
    expect(weekdays).toHaveLength(261);
    expect(runs.map((run) => localDateOf(run, zone))).toEqual(weekdays);
    expect(new Set(runs.map((run) => local(run, zone).slice(11)))).toEqual(new Set(['09:00']));
  });
});

describe('nextRuns agrees with BullMQ chaining each run from the previous one', () => {
  it.each([
    ['Europe/Berlin', '02:30'],
    ['America/New_York', '01:30'],
    ['America/New_York', '02:30'],
    ['Asia/Kolkata', '09:00'],
  ])('%s %s over 2026', (zone, time) => {
    const schedule = makeSchedule({ timezone: zone, time, days: DAILY });
    const expected = nextRuns(schedule, FROM, 370);
    const chained: Date[] = [];
    let previous = FROM;
    for (let i = 0; i < expected.length; i += 1) {
      previous = cronNext(schedule, previous);
      chained.push(previous);
    }
    expect(chained.map((run) => run.toISOString())).toEqual(expected.map((run) => run.toISOString()));
  });
});

describe('the DST days, instant by instant', () => {
  const day = (zone: string, time: string, date: string): string[] =>
    nextRuns(makeSchedule({ timezone: zone, time, days: DAILY }), new Date(`${date}T00:00:00Z`), 3)
      .filter((run) => localDateOf(run, zone) === date)
      .map((run) => run.toISOString());

  it('09:00 on the day clocks jump from 02:00 fires once, at 09:00 summer time', () => {
    expect(day('Europe/Berlin', '09:00', '2026-03-29')).toEqual(['2026-03-29T07:00:00.000Z']);
    expect(day('America/New_York', '09:00', '2026-03-08')).toEqual(['2026-03-08T13:00:00.000Z']);
  });

  it('02:30 on that day does not exist: cron-parser fires once, at 03:30 summer time', () => {
    expect(day('Europe/Berlin', '02:30', '2026-03-29')).toEqual(['2026-03-29T01:30:00.000Z']);
    expect(day('America/New_York', '02:30', '2026-03-08')).toEqual(['2026-03-08T07:30:00.000Z']);
  });

  it('01:30 in New York on 1 Nov happens twice: it fires once, at the first (EDT) one', () => {
    expect(day('America/New_York', '01:30', '2026-11-01')).toEqual(['2026-11-01T05:30:00.000Z']);
    expect(day('Europe/Berlin', '02:30', '2026-10-25')).toEqual(['2026-10-25T00:30:00.000Z']);
  });
});

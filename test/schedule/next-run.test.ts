import { describe, expect, it } from 'vitest';
import { describeNextRun, formatIn, localDateOf, nextRuns } from '../../src/core/schedule/next-run.ts';
import { makeSchedule } from './fixtures.ts';

const berlin = makeSchedule({ time: '09:00', timezone: 'Europe/Berlin', days: [1, 2, 3, 4, 5] });

describe('nextRuns', () => {
  it('lists runs strictly after `from`, skipping unscheduled days', () => {
    // Friday 27 Feb 2026 09:00 CET exactly: that run is not "next".
    const runs = nextRuns(berlin, new Date('2026-02-27T08:00:00Z'), 3);
    expect(runs.map((run) => run.toISOString())).toEqual(['2026-03-02T08:00:00.000Z', '2026-03-03T08:00:00.000Z', '2026-03-04T08:00:00.000Z']);
  });

  it('follows the channel’s zone whatever the server’s is', () => {
    const kolkata = makeSchedule({ time: '09:00', timezone: 'Asia/Kolkata' });
    expect(nextRuns(kolkata, new Date('2026-03-02T00:00:00Z'), 1)).toEqual([new Date('2026-03-02T03:30:00Z')]);
  });

  it('is empty for a disabled schedule or a count of 0, and rejects a bad count', () => {
    expect(nextRuns({ ...berlin, enabled: false }, new Date('2026-03-02T00:00:00Z'), 5)).toEqual([]);
    expect(nextRuns(berlin, new Date('2026-03-02T00:00:00Z'), 0)).toEqual([]);
    expect(() => nextRuns(berlin, new Date(), -1)).toThrow(RangeError);
    expect(() => nextRuns(berlin, new Date(), 1.5)).toThrow(RangeError);
  });
});

describe('localDateOf', () => {
  it('is the calendar date in the zone', () => {
    const instant = new Date('2026-03-01T23:30:00Z');
    expect(localDateOf(instant, 'UTC')).toBe('2026-03-01');
    expect(localDateOf(instant, 'Europe/Berlin')).toBe('2026-03-02');
    expect(localDateOf(instant, 'America/Los_Angeles')).toBe('2026-03-01');
    expect(localDateOf(new Date('2026-03-01T23:00:00Z'), 'Europe/Berlin')).toBe('2026-03-02'); // midnight is 00, not 24
  });
});

describe('describeNextRun', () => {
  it('says when, in the channel’s local time, and how long until then', () => {
    // Sunday 1 Mar 2026 18:00 CET.
    expect(describeNextRun(berlin, new Date('2026-03-01T17:00:00Z'))).toBe('Next question: Mon 2 Mar 09:00 Europe/Berlin (in 15 h)');
  });

  it('shows the moved time on a spring-forward day', () => {
    const schedule = makeSchedule({ time: '02:30', days: [0, 1, 2, 3, 4, 5, 6] });
    expect(describeNextRun(schedule, new Date('2026-03-28T12:30:00Z'))).toBe('Next question: Sun 29 Mar 03:30 Europe/Berlin (in 13 h)');
  });

  it('says when daily questions are off', () => {
    expect(describeNextRun({ ...berlin, enabled: false }, new Date())).toMatch(/off/);
  });

  it.each([
    [30_000, 'in 1 min'],
    [45 * 60_000, 'in 45 min'],
    [3 * 3_600_000 + 20 * 60_000, 'in 3 h 20 min'],
    [2 * 3_600_000, 'in 2 h'],
    [14 * 3_600_000 + 20 * 60_000, 'in 14 h'],
    [3 * 86_400_000, 'in 3 days'],
  ])('formatIn(%d) = %s', (millis, text) => {
    expect(formatIn(millis)).toBe(text);
  });
});

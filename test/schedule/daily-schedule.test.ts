import { CronExpressionParser } from 'cron-parser';
import { describe, expect, it } from 'vitest';
import { cronPatternFor, dailyScheduleSchema, describeSchedule, schedulerIdFor, type DailySchedule } from '../../src/core/schedule/daily-schedule.ts';
import type { Weekday } from '../../src/core/schedule/weekdays.ts';

const baseSchedule: DailySchedule = {
  channelKey: 'slack:T1:C1',
  time: '09:30',
  timezone: 'Europe/Berlin',
  days: [1, 2, 3, 4, 5],
  topics: [],
  revealAfterMinutes: 480,
  enabled: true,
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('DailySchedule', () => {
  it('round-trips through JSON', () => {
    expect(dailyScheduleSchema.parse(JSON.parse(JSON.stringify(baseSchedule)))).toEqual(baseSchedule);
  });

  it.each([
    [{ time: '9:30' }, 'time'],
    [{ time: '24:00' }, 'time'],
    [{ timezone: 'Mars/Olympus' }, 'timezone'],
    [{ days: [] }, 'days'],
    [{ days: [5, 1] }, 'days'],
    [{ days: [1, 1] }, 'days'],
    [{ days: [7] }, 'days'],
    [{ revealAfterMinutes: 5 }, 'revealAfterMinutes'],
    [{ topics: ['Not A Slug'] }, 'topics'],
    [{ updatedAt: 'yesterday' }, 'updatedAt'],
    [{ extra: true }, ''],
  ])('rejects %j', (change, field) => {
    const result = dailyScheduleSchema.safeParse({ ...baseSchedule, ...change });
    expect(result.success).toBe(false);
    if (field) expect(result.error?.issues[0]?.path[0]).toBe(field);
  });
});

describe('cronPatternFor', () => {
  it.each<[string, Weekday[], string]>([
    ['09:30', [1, 2, 3, 4, 5], '0 30 9 * * 1-5'],
    ['00:00', [0, 1, 2, 3, 4, 5, 6], '0 0 0 * * *'],
    ['23:05', [1, 3, 5], '0 5 23 * * 1,3,5'],
    ['07:45', [0, 1, 2, 3, 4], '0 45 7 * * 0-4'],
    ['12:00', [0, 5, 6], '0 0 12 * * 0,5,6'],
    ['12:00', [0, 2, 3, 4, 6], '0 0 12 * * 0,2-4,6'],
  ])('%s on %j → %s', (time, days, pattern) => {
    expect(cronPatternFor({ time, days })).toBe(pattern);
  });

  it('is a six-field pattern cron-parser accepts in strict mode', () => {
    expect(() => CronExpressionParser.parse(cronPatternFor(baseSchedule), { strict: true, tz: 'Europe/Berlin' })).not.toThrow();
  });
});

describe('schedulerIdFor', () => {
  it('is one colon-free id per channel', () => {
    expect(schedulerIdFor('slack:T1:C1')).toBe('daily.slack%3AT1%3AC1');
    expect(schedulerIdFor('slack:T1:C1')).toBe(schedulerIdFor('slack:T1:C1'));
    expect(schedulerIdFor('slack:T1:C2')).not.toBe(schedulerIdFor('slack:T1:C1'));
    expect(schedulerIdFor('discord:G1:C1')).not.toContain(':');
  });
});

describe('describeSchedule', () => {
  it('reads like a sentence', () => {
    expect(describeSchedule(baseSchedule)).toBe('Mon–Fri at 09:30 Europe/Berlin, all topics, key points revealed after 8h');
    expect(describeSchedule({ ...baseSchedule, days: [0, 1, 2, 3, 4, 5, 6], topics: ['tracing'], enabled: false })).toBe(
      'Every day at 09:30 Europe/Berlin, topics: tracing, key points revealed after 8h (off)',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.ts';
import { parseDailyCommand, type DailyCommand } from '../../src/core/schedule/daily-command.ts';
import { recoverToday } from '../../src/core/schedule/boot-recovery.ts';
import { applyOff, applyRevealAfter, applySet } from '../../src/core/schedule/schedule-update.ts';
import { makeSchedule } from './fixtures.ts';

const now = new Date('2026-03-02T10:00:00Z');
const context = { defaultTimezone: 'Europe/Berlin', knownTopics: ['tracing', 'sampling'] };

function setCommand(text: string): Extract<DailyCommand, { kind: 'set' }> {
  const command = parseDailyCommand(text, context);
  if (command.kind !== 'set') throw new Error('expected set');
  return command;
}

describe('applySet', () => {
  it('builds an enabled schedule, keeping the previous reveal delay', () => {
    const previous = makeSchedule({ revealAfterMinutes: 90, enabled: false });
    expect(applySet(previous, setCommand('set 08:15 Asia/Kolkata daily tracing'), { channelKey: 'slack:T1:C9', now })).toEqual({
      channelKey: 'slack:T1:C9',
      time: '08:15',
      timezone: 'Asia/Kolkata',
      days: [0, 1, 2, 3, 4, 5, 6],
      topics: ['tracing'],
      revealAfterMinutes: 90,
      enabled: true,
      updatedAt: '2026-03-02T10:00:00.000Z',
    });
  });

  it('uses the default reveal delay for a new schedule', () => {
    expect(applySet(undefined, setCommand('set 09:00'), { channelKey: 'slack:T1:C1', now }).revealAfterMinutes).toBe(480);
  });

  it('refuses a time cron would skip on some scheduled day', () => {
    expect(() => applySet(undefined, setCommand('set 00:30 America/Santiago daily'), { channelKey: 'slack:T1:C1', now })).toThrow(UserError);
  });
});

describe('applyRevealAfter and applyOff', () => {
  it('off changes one field and the update time; reveal-after leaves the posting time’s update time alone', () => {
    const previous = makeSchedule();
    expect(applyRevealAfter(previous, 360, now)).toEqual({ ...previous, revealAfterMinutes: 360 });
    expect(applyOff(previous, now)).toEqual({ ...previous, enabled: false, updatedAt: now.toISOString() });
  });

  it('a reveal delay changed after a missed run keeps that run recoverable at the next boot', () => {
    // 09:00 UTC weekday schedule, set long ago; today's 09:00 run was missed in an outage.
    const schedule = makeSchedule({ time: '09:00', timezone: 'UTC', days: [1, 2, 3, 4, 5], updatedAt: '2026-01-01T00:00:00.000Z' });
    const tenOClock = new Date('2026-03-04T10:00:00Z');
    const changed = applyRevealAfter(schedule, 360, tenOClock);
    expect(recoverToday(changed, new Date('2026-03-04T10:05:00Z')).action).toBe('post-now');
  });

  it('need a schedule first', () => {
    expect(() => applyRevealAfter(undefined, 360, now)).toThrow(/daily set/);
    expect(() => applyOff(undefined, now)).toThrow(UserError);
  });
});

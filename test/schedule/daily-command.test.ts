import { describe, expect, it } from 'vitest';
import { AppError, UserError } from '../../src/core/errors.ts';
import { DAILY_USAGE, parseDailyCommand, type DailyCommandContext } from '../../src/core/schedule/daily-command.ts';

const context: DailyCommandContext = { defaultTimezone: 'Europe/Berlin', knownTopics: ['tracing', 'sampling', 'slos'] };
const parse = (text: string) => parseDailyCommand(text, context);

function failure(text: string): UserError {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error(`"${text}" parsed without an error`);
}

describe('daily set', () => {
  it('takes the defaults: installer timezone, Monday to Friday, every topic', () => {
    expect(parse('set 09:30')).toEqual({ kind: 'set', time: '09:30', timezone: 'Europe/Berlin', timezoneSource: 'default', days: [1, 2, 3, 4, 5], topics: [] });
  });

  it('reads zone, days and topics, and pads a one-digit hour', () => {
    expect(parse('set 9:05 America/New_York mon,wed,fri tracing slos')).toEqual({
      kind: 'set',
      time: '09:05',
      timezone: 'America/New_York',
      timezoneSource: 'given',
      days: [1, 3, 5],
      topics: ['tracing', 'slos'],
    });
  });

  it.each([
    ['weekdays', [1, 2, 3, 4, 5]],
    ['mon-fri', [1, 2, 3, 4, 5]],
    ['daily', [0, 1, 2, 3, 4, 5, 6]],
    ['sun-thu', [0, 1, 2, 3, 4]],
    ['fri-mon', [0, 1, 5, 6]],
    ['Tuesday,thu', [2, 4]],
    ['sat,sun', [0, 6]],
  ])('reads the days "%s"', (word, days) => {
    expect(parse(`set 10:00 ${word}`)).toMatchObject({ days });
  });

  it('accepts the words in any order after the time, topics as a comma list, and UTC', () => {
    expect(parse('set 23:59 tracing,sampling daily utc')).toMatchObject({ timezone: 'UTC', days: [0, 1, 2, 3, 4, 5, 6], topics: ['tracing', 'sampling'] });
  });

  it('spells a zone the usual way whatever the case typed, and keeps current names', () => {
    expect(parse('set 08:00 europe/berlin')).toMatchObject({ timezone: 'Europe/Berlin' });
    // Node 20's Intl resolves this to the legacy Asia/Calcutta; we keep the name people use.
    expect(parse('set 08:00 Asia/Kolkata')).toMatchObject({ timezone: 'Asia/Kolkata' });
    expect(parse('set 08:00 asia/kolkata')).toMatchObject({ timezone: 'Asia/Kolkata' });
  });

  it.each([
    ['set', 'daily_missing_time', '`daily set` needs a time'],
    ['set 9am', 'daily_bad_time', '"9am"'],
    ['set 24:00', 'daily_bad_time', '"24:00"'],
    ['set 09:60', 'daily_bad_time', '"09:60"'],
    ['set Europe/Berlin 09:00', 'daily_bad_time', '"Europe/Berlin"'],
    ['set 09:00 Europe/Berln', 'daily_bad_timezone', '"Europe/Berln"'],
    ['set 09:00 CET', 'daily_timezone_abbreviation', '"CET"'],
    ['set 09:00 EST', 'daily_timezone_abbreviation', '"EST"'],
    ['set 09:00 BST', 'daily_timezone_abbreviation', '"BST"'],
    ['set 09:00 CEST', 'daily_timezone_abbreviation', '"CEST"'],
    ['set 09:00 GMT', 'daily_timezone_abbreviation', '"GMT"'],
    ['set 09:00 Japan', 'daily_timezone_abbreviation', '"Japan"'],
    ['set 09:00 UTC+1', 'daily_timezone_offset', '"UTC+1"'],
    ['set 09:00 +05:30', 'daily_timezone_offset', '"+05:30"'],
    ['set 09:00 mon,wdn', 'daily_bad_days', '"wdn"'],
    ['set 09:00 mon-fir', 'daily_bad_days', '"mon-fir"'],
    ['set 09:00 tracing,logging', 'daily_unknown_topic', '"logging"'],
    ['set 09:00 kubernetes', 'daily_unknown_topic', '"kubernetes"'],
    ['set 09:00 UTC Europe/Berlin', 'daily_repeated_argument', '"UTC" and "Europe/Berlin"'],
    ['set 09:00 mon-fri daily', 'daily_repeated_argument', '"mon-fri" and "daily"'],
    ['sett 09:00', 'daily_unknown_subcommand', '"sett"'],
    ['status please', 'daily_unexpected_argument', '"please"'],
    ['reveal-after', 'daily_missing_duration', 'needs a duration'],
    ['reveal-after soon', 'daily_bad_duration', '"soon"'],
    ['reveal-after 10m', 'daily_duration_out_of_range', '"10m"'],
    ['reveal-after 24h', 'daily_duration_out_of_range', '"24h"'],
    ['reveal-after 6h 30m', 'daily_unexpected_argument', '"30m"'],
  ])('"%s" is a UserError %s naming %s, with the usage', (text, code, named) => {
    const error = failure(text);
    expect(error.code).toBe(code);
    expect(error.message).toContain(named);
    expect(error.message).toContain(DAILY_USAGE);
  });

  it('lists the known topics when one is unknown', () => {
    expect(failure('set 09:00 kubernetes').message).toContain('topics: sampling, slos, tracing');
  });

  it('suggests Area/City for an abbreviation', () => {
    expect(failure('set 09:00 IST').message).toMatch(/Area\/City.*Asia\/Kolkata/);
  });

  it('a bad configured default timezone is a bug, not the user’s mistake', () => {
    let caught: unknown;
    try {
      parseDailyCommand('set 09:00', { ...context, defaultTimezone: 'CET' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect(caught).not.toBeInstanceOf(UserError);
  });
});

describe('other subcommands', () => {
  it.each([
    ['status', { kind: 'status' }],
    ['  OFF ', { kind: 'off' }],
    ['now', { kind: 'now' }],
    ['help', { kind: 'help' }],
    ['', { kind: 'help' }],
    ['reveal-after 6h', { kind: 'reveal-after', minutes: 360 }],
    ['reveal-after 90m', { kind: 'reveal-after', minutes: 90 }],
    ['reveal-after 4h30m', { kind: 'reveal-after', minutes: 270 }],
    ['reveal-after 15m', { kind: 'reveal-after', minutes: 15 }],
    ['reveal-after 23h', { kind: 'reveal-after', minutes: 1380 }],
  ])('"%s"', (text, command) => {
    expect(parse(text)).toEqual(command);
  });
});

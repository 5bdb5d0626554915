import type { LocalDate } from './local-date.ts';
import type { Weekday } from './weekdays.ts';

/**
 * Wall-clock readings of an instant in an IANA zone, via Intl (the same tz data luxon and
 * therefore cron-parser use). Never uses the server's own zone.
 */
export interface ZonedParts {
  date: LocalDate;
  /** 'HH:MM', 24-hour. */
  time: string;
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: Weekday;
}

const WEEKDAYS: Readonly<Record<string, Weekday>> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

// Building a DateTimeFormat is far slower than using one; a year of runs formats hundreds.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      // h23, not hour12: false: some ICU versions print midnight as "24" with the latter.
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function zonedParts(instant: Date, timeZone: string): ZonedParts {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  const year = Number(parts.year);
  const month = Number(parts.month);
  const day = Number(parts.day);
  const hour = Number(parts.hour);
  const minute = Number(parts.minute);
  const weekday = WEEKDAYS[parts.weekday ?? ''];
  if (weekday === undefined || [year, month, day, hour, minute].some((n) => !Number.isInteger(n))) {
    throw new Error(`Intl returned unexpected parts for ${instant.toISOString()} in ${timeZone}`);
  }
  const pad = (n: number): string => String(n).padStart(2, '0');
  return {
    date: `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`,
    time: `${pad(hour)}:${pad(minute)}`,
    year,
    month,
    day,
    hour,
    minute,
    weekday,
  };
}

/** The calendar date the instant falls on in the zone: 'YYYY-MM-DD'. */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
  return zonedParts(instant, timeZone).date;
}

/** The zone's UTC offset at the instant, in minutes (Berlin in summer: 120). */
export function offsetMinutesAt(instant: Date, timeZone: string): number {
  const parts = zonedParts(instant, timeZone);
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute);
  return Math.round((wall - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * Every instant at which the zone's clocks show `time` on `date`: none inside a DST gap,
 * two inside a repeated fall-back hour, else one. Independent of cron-parser, so it can
 * check cron-parser's answers.
 */
export function instantsAtWallTime(date: LocalDate, time: string, timeZone: string): Date[] {
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  const wall = Date.UTC(year ?? NaN, (month ?? NaN) - 1, day ?? NaN, hour ?? NaN, minute ?? NaN);
  if (Number.isNaN(wall)) throw new RangeError(`bad date or time: ${date} ${time}`);
  // The real instant is within UTC-12..UTC+14 of the wall reading; at most one offset
  // change falls in that window, so its two ends give every offset that can apply.
  const offsets = new Set([offsetMinutesAt(new Date(wall - 14 * 3_600_000), timeZone), offsetMinutesAt(new Date(wall + 12 * 3_600_000), timeZone)]);
  const instants = [...offsets]
    .map((offset) => new Date(wall - offset * 60_000))
    .filter((instant) => {
      const parts = zonedParts(instant, timeZone);
      return parts.date === date && parts.time === time;
    });
  return instants.sort((a, b) => a.getTime() - b.getTime());
}

import { z } from 'zod';
import type { Weekday } from './weekdays.ts';

/**
 * Calendar dates with no time and no zone ('YYYY-MM-DD'), as a channel's people see them.
 * Arithmetic is done in UTC only because UTC has no DST, so adding a day is always 24 h;
 * the zone the date belongs to is the caller's business (see zoned-time.ts).
 */
export type LocalDate = string;

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function toUtcMillis(date: LocalDate): number | undefined {
  const match = PATTERN.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const millis = Date.UTC(year, month - 1, day);
  // Date.UTC rolls 2026-02-30 over to 2 March; a round trip catches it.
  return new Date(millis).toISOString().slice(0, 10) === date ? millis : undefined;
}

export function isLocalDate(value: string): boolean {
  return toUtcMillis(value) !== undefined;
}

export const localDateSchema = z.string().refine(isLocalDate, 'must be a calendar date YYYY-MM-DD');

function requireMillis(date: LocalDate): number {
  const millis = toUtcMillis(date);
  if (millis === undefined) throw new RangeError(`not a calendar date: "${date}"`);
  return millis;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return new Date(requireMillis(date) + days * 86_400_000).toISOString().slice(0, 10);
}

export function weekdayOfDate(date: LocalDate): Weekday {
  return new Date(requireMillis(date)).getUTCDay() as Weekday;
}

/** 'YYYY-MM' */
export function monthOf(date: LocalDate): string {
  requireMillis(date);
  return date.slice(0, 7);
}

/** Midnight UTC of the date: a fixed reference instant near the date, whatever the zone. */
export function utcMidnightOf(date: LocalDate): Date {
  return new Date(requireMillis(date));
}

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** "Mon 2 Mar", or "Mon 2 Mar 2026" with `withYear`. Fixed English, like the rest of the bot. */
export function formatLocalDate(date: LocalDate, withYear = false): string {
  const at = new Date(requireMillis(date));
  const text = `${DAY_NAMES[at.getUTCDay()]} ${at.getUTCDate()} ${MONTH_NAMES[at.getUTCMonth()]}`;
  return withYear ? `${text} ${at.getUTCFullYear()}` : text;
}

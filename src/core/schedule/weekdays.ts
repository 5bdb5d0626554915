import { z } from 'zod';

/**
 * Days of the week as JavaScript and cron number them: 0 = Sunday … 6 = Saturday.
 * Stored as a sorted, duplicate-free array so a schedule is plain JSON.
 */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;
export const ALL_WEEKDAYS: readonly Weekday[] = [0, 1, 2, 3, 4, 5, 6];
export const MON_TO_FRI: readonly Weekday[] = [1, 2, 3, 4, 5];

export const weekdaySchema = z.literal([0, 1, 2, 3, 4, 5, 6]);

const SHORT_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

const NAMES: ReadonlyMap<string, Weekday> = new Map<string, Weekday>([
  ['sun', 0], ['sunday', 0],
  ['mon', 1], ['monday', 1],
  ['tue', 2], ['tues', 2], ['tuesday', 2],
  ['wed', 3], ['wednesday', 3],
  ['thu', 4], ['thur', 4], ['thurs', 4], ['thursday', 4],
  ['fri', 5], ['friday', 5],
  ['sat', 6], ['saturday', 6],
]);

const PRESETS: ReadonlyMap<string, readonly Weekday[]> = new Map([
  ['weekdays', MON_TO_FRI],
  ['daily', ALL_WEEKDAYS],
  ['everyday', ALL_WEEKDAYS],
  ['every-day', ALL_WEEKDAYS],
  ['weekends', [0, 6] as const],
]);

export function isWeekday(value: number): value is Weekday {
  return Number.isInteger(value) && value >= 0 && value <= 6;
}

/** Sorted and without duplicates: the stored form. */
export function normaliseDays(days: Iterable<Weekday>): Weekday[] {
  return [...new Set(days)].sort((a, b) => a - b);
}

export function shortDayName(day: Weekday): string {
  return SHORT_NAMES[day];
}

/**
 * The outcome of reading one word as a day list. `not-days` means the word does not look
 * like days at all (the caller may try it as a topic); `bad-day` means it does, but one
 * part is not a day, and names that part for the error message.
 */
export type DaysParse =
  | { kind: 'days'; days: Weekday[] }
  | { kind: 'not-days' }
  | { kind: 'bad-day'; word: string };

/** One part of a comma list: a day name, or a range such as `mon-thu` (may wrap: `fri-mon`). */
function parsePart(part: string): Weekday[] | undefined {
  const preset = PRESETS.get(part);
  if (preset) return [...preset];
  const single = NAMES.get(part);
  if (single !== undefined) return [single];
  const range = /^([a-z]+)-([a-z]+)$/.exec(part);
  const from = range?.[1] === undefined ? undefined : NAMES.get(range[1]);
  const to = range?.[2] === undefined ? undefined : NAMES.get(range[2]);
  if (from === undefined || to === undefined) return undefined;
  const days: Weekday[] = [];
  for (let day = from; ; day = ((day + 1) % 7) as Weekday) {
    days.push(day);
    if (day === to) return days;
  }
}

/** A part that was meant as a day, even though it did not parse: `mon-fir`, `tuesdy`. */
function looksLikeDay(part: string): boolean {
  const [first] = part.split('-');
  return first !== undefined && NAMES.has(first);
}

/** Reads `mon-fri`, `weekdays`, `daily`, `mon,wed,fri`, `sun-thu`, `sat,sun` (case-insensitive). */
export function parseDays(word: string): DaysParse {
  const text = word.toLowerCase();
  const parts = text.split(',');
  const parsed = parts.map(parsePart);
  if (parsed.every((days) => days === undefined)) {
    // A lone misspelt range such as `mon-fir` still reads as days, so the error is about days.
    return parts.length === 1 && looksLikeDay(text) ? { kind: 'bad-day', word } : { kind: 'not-days' };
  }
  const badIndex = parsed.findIndex((days) => days === undefined);
  if (badIndex !== -1) return { kind: 'bad-day', word: parts[badIndex] || '(empty)' };
  return { kind: 'days', days: normaliseDays(parsed.flatMap((days) => days ?? [])) };
}

/** For people: `every day`, `Mon–Fri`, `Mon, Wed, Fri`. */
export function formatDays(days: readonly Weekday[]): string {
  const sorted = normaliseDays(days);
  if (sorted.length === 7) return 'every day';
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  const contiguous = first !== undefined && last !== undefined && last - first === sorted.length - 1;
  if (contiguous && sorted.length >= 3) return `${shortDayName(first)}–${shortDayName(last)}`;
  return sorted.map(shortDayName).join(', ');
}

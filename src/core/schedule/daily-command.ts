import { AppError, UserError } from '../errors.ts';
import { REVEAL_AFTER_MAX_MINUTES, REVEAL_AFTER_MIN_MINUTES, formatDuration, parseDuration } from './duration.ts';
import { checkTimeZone } from './timezone.ts';
import { MON_TO_FRI, parseDays, type Weekday } from './weekdays.ts';

/** The words after `daily`, parsed. Platform-neutral: Slack and Discord adapters both call this. */
export type DailyCommand =
  | {
      kind: 'set';
      time: string;
      timezone: string;
      /** Whether the zone was typed or is the default passed in, for the confirmation reply. */
      timezoneSource: 'given' | 'default';
      days: Weekday[];
      /** Empty means every topic. */
      topics: string[];
    }
  | { kind: 'status' }
  | { kind: 'off' }
  | { kind: 'now' }
  | { kind: 'reveal-after'; minutes: number }
  | { kind: 'help' };

export interface DailyCommandContext {
  /**
   * Zone used when `set` names none. Pass the channel's current zone when it has a
   * schedule, else the installer's, so changing the time does not silently move the zone.
   */
  defaultTimezone: string;
  /** Topic slugs that exist in the question bank. */
  knownTopics: readonly string[];
}

export type DailyCommandErrorCode =
  | 'daily_unknown_subcommand'
  | 'daily_missing_time'
  | 'daily_bad_time'
  | 'daily_bad_timezone'
  | 'daily_timezone_abbreviation'
  | 'daily_timezone_offset'
  | 'daily_bad_days'
  | 'daily_unknown_topic'
  | 'daily_repeated_argument'
  | 'daily_missing_duration'
  | 'daily_bad_duration'
  | 'daily_duration_out_of_range'
  | 'daily_unexpected_argument';

export const DAILY_USAGE = [
  'Usage:',
  '  daily set HH:MM [Area/City] [mon-fri|weekdays|daily|mon,wed,fri] [topic …]',
  '  daily status',
  '  daily off',
  '  daily now',
  `  daily reveal-after <duration>   e.g. 6h, 90m, 4h30m (${formatDuration(REVEAL_AFTER_MIN_MINUTES)} to ${formatDuration(REVEAL_AFTER_MAX_MINUTES)})`,
  '  daily help',
  'Example: daily set 09:30 Europe/Berlin mon-fri tracing sampling',
].join('\n');

/** Every mistake names the word that was not understood and repeats the usage. */
function usageError(code: DailyCommandErrorCode, problem: string): UserError {
  return new UserError(code, `${problem}\n\n${DAILY_USAGE}`);
}

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

function parseTime(word: string): string {
  const match = TIME.exec(word);
  if (!match) {
    throw usageError('daily_bad_time', `I didn't understand the time "${word}": use 24-hour HH:MM, e.g. 09:30 or 14:00.`);
  }
  return `${(match[1] ?? '').padStart(2, '0')}:${match[2]}`;
}

function topicList(knownTopics: readonly string[]): string {
  return knownTopics.length === 0 ? 'no topics are loaded' : `topics: ${[...knownTopics].sort().join(', ')}`;
}

function defaultZone(name: string): string {
  const check = checkTimeZone(name);
  // The default comes from configuration, not from the person typing: a bug, not a UserError.
  if (check.kind !== 'zone') throw new AppError('daily_bad_default_timezone', `default timezone "${name}" is not an Area/City zone`);
  return check.zone;
}

function parseSet(words: readonly string[], context: DailyCommandContext): DailyCommand {
  const [timeWord, ...rest] = words;
  if (timeWord === undefined) throw usageError('daily_missing_time', '`daily set` needs a time, e.g. `daily set 09:30`.');
  const time = parseTime(timeWord);
  const known = new Map(context.knownTopics.map((topic) => [topic.toLowerCase(), topic]));
  let timezone: { zone: string; word: string } | undefined;
  let days: { days: Weekday[]; word: string } | undefined;
  const topics: string[] = [];

  for (const word of rest) {
    const lower = word.toLowerCase();
    const asDays = parseDays(word);
    if (asDays.kind === 'days') {
      if (days) throw usageError('daily_repeated_argument', `I got two sets of days, "${days.word}" and "${word}": give one, e.g. mon,wed,fri.`);
      days = { days: asDays.days, word };
      continue;
    }
    // Commas between topics: `tracing,sampling`.
    const parts = lower.split(',').filter((part) => part !== '');
    if (parts.length > 0 && parts.every((part) => known.has(part))) {
      for (const part of parts) topics.push(known.get(part) ?? part);
      continue;
    }
    if (asDays.kind === 'bad-day') {
      throw usageError('daily_bad_days', `I didn't understand the day "${asDays.word}": use mon-fri, weekdays, daily, or a list such as mon,wed,fri.`);
    }
    const zone = checkTimeZone(word);
    switch (zone.kind) {
      case 'zone':
        if (timezone) throw usageError('daily_repeated_argument', `I got two timezones, "${timezone.word}" and "${word}": give one.`);
        timezone = { zone: zone.zone, word };
        continue;
      case 'abbreviation':
        throw usageError('daily_timezone_abbreviation', `"${word}" is an abbreviation, and abbreviations are ambiguous: use an Area/City zone such as Europe/Berlin, America/New_York or Asia/Kolkata (or UTC).`);
      case 'offset':
        throw usageError('daily_timezone_offset', `"${word}" is a fixed offset, which does not follow daylight saving: use an Area/City zone such as Europe/Berlin (or UTC).`);
      case 'unknown-zone':
        throw usageError('daily_bad_timezone', `I don't know the timezone "${word}": use an IANA Area/City name such as Europe/Berlin or America/New_York.`);
      case 'not-a-zone': {
        const unknown = parts.find((part) => !known.has(part)) ?? word;
        throw usageError('daily_unknown_topic', `I don't know the topic "${unknown}" (${topicList(context.knownTopics)}).`);
      }
    }
  }

  return {
    kind: 'set',
    time,
    timezone: timezone?.zone ?? defaultZone(context.defaultTimezone),
    timezoneSource: timezone ? 'given' : 'default',
    days: days?.days ?? [...MON_TO_FRI],
    topics: [...new Set(topics)],
  };
}

function parseRevealAfter(words: readonly string[]): DailyCommand {
  const [word, extra] = words;
  if (word === undefined) throw usageError('daily_missing_duration', '`daily reveal-after` needs a duration, e.g. `daily reveal-after 6h`.');
  if (extra !== undefined) throw usageError('daily_unexpected_argument', `I didn't understand "${extra}": \`daily reveal-after\` takes one duration.`);
  const minutes = parseDuration(word);
  if (minutes === undefined) throw usageError('daily_bad_duration', `I didn't understand the duration "${word}": use hours and minutes such as 6h, 90m or 4h30m.`);
  if (minutes < REVEAL_AFTER_MIN_MINUTES || minutes > REVEAL_AFTER_MAX_MINUTES) {
    throw usageError('daily_duration_out_of_range', `"${word}" is out of range: the reveal must come between ${formatDuration(REVEAL_AFTER_MIN_MINUTES)} and ${formatDuration(REVEAL_AFTER_MAX_MINUTES)} after the question.`);
  }
  return { kind: 'reveal-after', minutes };
}

const NO_ARGUMENTS = new Set(['status', 'off', 'now', 'help'] as const);
type NoArgumentKind = 'status' | 'off' | 'now' | 'help';

function isNoArgument(word: string): word is NoArgumentKind {
  return NO_ARGUMENTS.has(word as NoArgumentKind);
}

/** Parses the text after `daily`. An empty text is `help`. Throws `UserError` on any mistake. */
export function parseDailyCommand(text: string, context: DailyCommandContext): DailyCommand {
  const [first, ...rest] = text.trim().split(/\s+/).filter((word) => word !== '');
  if (first === undefined) return { kind: 'help' };
  const sub = first.toLowerCase();
  if (sub === 'set') return parseSet(rest, context);
  if (sub === 'reveal-after') return parseRevealAfter(rest);
  if (isNoArgument(sub)) {
    const [extra] = rest;
    if (extra !== undefined) throw usageError('daily_unexpected_argument', `I didn't understand "${extra}": \`daily ${sub}\` takes no arguments.`);
    return { kind: sub };
  }
  throw usageError('daily_unknown_subcommand', `I didn't understand "${first}": \`daily\` knows set, status, off, now, reveal-after and help.`);
}

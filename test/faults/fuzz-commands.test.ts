import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { helpText, parseObsCommand, type ObsCommand } from '../../src/core/commands/index.ts';
import { UserError } from '../../src/core/errors.ts';
import { parseDailyCommand } from '../../src/core/schedule/daily-command.ts';

/**
 * The `/obs-question` grammar and the `daily …` words under fast-check, 10,000 inputs each:
 * typed text (any Unicode, control characters, Slack's wire escapes) and sentences built
 * from the grammar's own words, so the deep branches are reached. Nothing throws except a
 * UserError with a code and a one-line message, and what comes back is well-formed.
 */
const RUNS = 10_000;
const WORDS = [
  'help', '?', 'topics', 'stats', 'public', 'on', 'off', 'daily', 'set', 'status', 'now', 'reveal-after', 'leaderboard', 'scoring',
  'llm', 'keyword', 'reset', 'channel', 'workspace', 'mock', 'peer', 'pair', 'tracing', 'Tracing', 'distributed-tracing', 'metrics',
  '09:30', '9:75', '24:00', '23:59', 'Europe/Berlin', 'America/New_York', 'Mars/Olympus', 'UTC', 'CET', '+02:00', 'GMT+2', 'mon-fri',
  'mon,wed,fri', 'sat-sun', 'daily', 'weekdays', '8h', '90m', '0m', '1000h', '-1h', '<@U1|ana>', '&lt;', '&amp;', '<#C1>', '``', '*', '—',
];
const SPACES = ['', ' ', '  ', '\t', '\n', '\u00a0', '\u2003'];

const word = fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 }));
const sentence = fc.tuple(fc.array(word, { maxLength: 7 }), fc.constantFrom(...SPACES), fc.constantFrom(...SPACES)).map(([words, lead, trail]) => `${lead}${words.join(' ')}${trail}`);
const anyText = fc.oneof(sentence, fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 80 }));

const KINDS = new Set<ObsCommand['kind']>(['question', 'mock', 'topics', 'help', 'stats', 'stats-public', 'daily', 'leaderboard', 'scoring', 'reserved', 'unknown']);
const SLUG = /^[a-z0-9][a-z0-9-]*$/;

describe('fuzz: the command grammar', () => {
  it('parses any text into a well-formed command, the same with or without surrounding whitespace', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const command = parseObsCommand(text);
        expect(KINDS.has(command.kind)).toBe(true);
        if ((command.kind === 'question' || command.kind === 'mock') && command.topic !== undefined) expect(command.topic).toMatch(SLUG);
        if (command.kind === 'unknown') {
          expect(command.word.length).toBeLessThanOrEqual(60);
          // The reply quoting it back is built without trouble.
          expect(helpText({ command: '/obs-question', notUnderstood: command.word })).toContain('/obs-question');
        }
        expect(parseObsCommand(` \t${text}\n `)).toEqual(command);
      }),
      { numRuns: RUNS },
    );
  });

  it('parses any `daily …` words into a command, or refuses them with a UserError that says why in one line', () => {
    const context = { defaultTimezone: 'UTC', knownTopics: ['tracing', 'metrics', 'distributed-tracing'] };
    let sets = 0;
    // Half the inputs start with a sub-command, so `set` and `reveal-after` are parsed deep down.
    const time = fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 70 }), fc.boolean()).map(([h, m, pad]) => `${pad ? String(h).padStart(2, '0') : h}:${String(m).padStart(2, '0')}`);
    const setWords = fc
      .tuple(time, fc.option(fc.constantFrom('Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'UTC', 'CET', 'Mars/Olympus', '+02:00')), fc.option(fc.constantFrom('mon-fri', 'daily', 'sat,sun', 'mon,wed,fri', 'fri-mon', 'xyz')), fc.array(word, { maxLength: 2 }))
      .map(([at, zone, days, more]) => ['set', at, zone, days, ...more].filter((part) => part !== null).join(' '));
    const dailyText = fc.oneof(anyText, setWords, fc.tuple(fc.constantFrom('reveal-after', 'status', 'now'), sentence).map(([sub, rest]) => `${sub} ${rest}`));
    fc.assert(
      fc.property(dailyText, (text) => {
        try {
          const command = parseDailyCommand(text, context);
          expect(['set', 'status', 'off', 'now', 'reveal-after', 'help']).toContain(command.kind);
          if (command.kind === 'set') {
            sets += 1;
            expect(command.time).toMatch(/^\d{2}:\d{2}$/);
            expect(command.days.length).toBeGreaterThan(0);
            for (const topic of command.topics) expect(context.knownTopics).toContain(topic);
          }
        } catch (error) {
          if (!(error instanceof UserError)) throw error;
          expect(error.code).toMatch(/^daily_/);
          expect(error.message.length).toBeGreaterThan(0);
          expect(error.message).not.toMatch(/\n\s+at /);
        }
      }),
      { numRuns: RUNS },
    );
    // The generator does reach valid schedules, not only refusals.
    expect(sets).toBeGreaterThan(20);
  });
});

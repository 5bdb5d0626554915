import { describe, expect, it } from 'vitest';
import { helpText, parseObsCommand, usageLines } from '../src/core/commands/index.ts';

describe('parseObsCommand', () => {
  it('no words asks for a random question', () => {
    expect(parseObsCommand('')).toEqual({ kind: 'question' });
    expect(parseObsCommand('   \t ')).toEqual({ kind: 'question' });
  });

  it('a single non-keyword word is a topic, lower-cased, validated later by the worker', () => {
    expect(parseObsCommand('tracing')).toEqual({ kind: 'question', topic: 'tracing' });
    expect(parseObsCommand('  SLO-Alerting ')).toEqual({ kind: 'question', topic: 'slo-alerting' });
  });

  it('mock with and without a topic', () => {
    expect(parseObsCommand('mock')).toEqual({ kind: 'mock' });
    expect(parseObsCommand('MOCK  logging')).toEqual({ kind: 'mock', topic: 'logging' });
  });

  it('topics, help and stats, case-insensitive, forgiving extra words', () => {
    expect(parseObsCommand('topics')).toEqual({ kind: 'topics' });
    expect(parseObsCommand('Help')).toEqual({ kind: 'help' });
    expect(parseObsCommand('help me please')).toEqual({ kind: 'help' });
    expect(parseObsCommand('stats')).toEqual({ kind: 'stats' });
  });

  it('keeps the words later issues need, with their arguments', () => {
    expect(parseObsCommand('peer @ana')).toEqual({ kind: 'reserved', name: 'peer', args: ['@ana'] });
    expect(parseObsCommand('pair')).toEqual({ kind: 'reserved', name: 'pair', args: [] });
    expect(parseObsCommand('pair @ana')).toEqual({ kind: 'reserved', name: 'pair', args: ['@ana'] });
  });

  it('scoring shows, or changes for the channel (default) or the workspace', () => {
    expect(parseObsCommand('scoring')).toEqual({ kind: 'scoring' });
    expect(parseObsCommand('Scoring LLM')).toEqual({ kind: 'scoring', change: { choice: 'llm', scope: 'channel' } });
    expect(parseObsCommand('scoring keyword workspace')).toEqual({ kind: 'scoring', change: { choice: 'keyword', scope: 'workspace' } });
    expect(parseObsCommand('scoring reset channel')).toEqual({ kind: 'scoring', change: { choice: 'reset', scope: 'channel' } });
    expect(parseObsCommand('scoring gpt')).toEqual({ kind: 'unknown', word: 'scoring gpt' });
    expect(parseObsCommand('scoring llm everywhere')).toEqual({ kind: 'unknown', word: 'scoring llm everywhere' });
  });

  it('daily passes its words on for the worker to parse; leaderboard forgives extra words', () => {
    expect(parseObsCommand('daily set 09:00 Europe/Paris mon-fri')).toEqual({ kind: 'daily', args: ['set', '09:00', 'Europe/Paris', 'mon-fri'] });
    expect(parseObsCommand('Daily')).toEqual({ kind: 'daily', args: [] });
    expect(parseObsCommand('leaderboard')).toEqual({ kind: 'leaderboard' });
    expect(parseObsCommand('LEADERBOARD please')).toEqual({ kind: 'leaderboard' });
  });

  it('forget-me asks first; forget-me confirm deletes; anything else after it is not understood', () => {
    expect(parseObsCommand('forget-me')).toEqual({ kind: 'forget-me', confirmed: false });
    expect(parseObsCommand('Forget-Me CONFIRM')).toEqual({ kind: 'forget-me', confirmed: true });
    expect(parseObsCommand('forget-me now')).toEqual({ kind: 'unknown', word: 'forget-me now' });
    expect(parseObsCommand('forget-me confirm please')).toEqual({ kind: 'unknown', word: 'forget-me confirm please' });
    expect(helpText()).toContain('`/obs-question forget-me`');
  });

  it('stats public on|off opts in or out; anything else after "public" is not understood', () => {
    expect(parseObsCommand('stats public on')).toEqual({ kind: 'stats-public', public: true });
    expect(parseObsCommand('Stats Public OFF')).toEqual({ kind: 'stats-public', public: false });
    expect(parseObsCommand('stats public')).toEqual({ kind: 'unknown', word: 'stats public' });
    expect(parseObsCommand('stats public maybe')).toEqual({ kind: 'unknown', word: 'stats public maybe' });
    expect(parseObsCommand('stats for me')).toEqual({ kind: 'stats' });
  });

  it('several words that start with no keyword are not understood, quoted back whole', () => {
    expect(parseObsCommand('what is   tracing')).toEqual({ kind: 'unknown', word: 'what is tracing' });
  });

  it('a word that cannot be a topic id is not understood', () => {
    expect(parseObsCommand('topics?')).toEqual({ kind: 'unknown', word: 'topics?' });
    expect(parseObsCommand('<@U123>')).toEqual({ kind: 'unknown', word: '<@U123>' });
  });

  it('mock followed by more than a topic is not understood, naming the extra words', () => {
    expect(parseObsCommand('mock tracing now')).toEqual({ kind: 'unknown', word: 'tracing now' });
  });

  it('quotes a very long input back shortened', () => {
    const parsed = parseObsCommand(`so ${'x'.repeat(200)}`);
    expect(parsed.kind).toBe('unknown');
    if (parsed.kind === 'unknown') expect(parsed.word.length).toBeLessThanOrEqual(60);
  });
});

describe('helpText', () => {
  it('lists every sub-command once', () => {
    const text = helpText();
    for (const word of ['mock [topic]', 'topics', 'stats', 'help', '<topic>', 'daily set HH:MM', 'leaderboard', 'stats public on|off', 'scoring [llm|keyword|reset]', 'peer @colleague', 'pair join|leave|status|snooze 2w']) expect(text).toContain(word);
    expect(usageLines()).toHaveLength(14);
  });

  it('names what was not understood, without markup that could break the message', () => {
    expect(helpText({ notUnderstood: 'flibble' })).toMatch(/^I didn't understand `flibble`/);
    expect(helpText({ notUnderstood: '`<!channel>`' })).toContain('`!channel`');
  });

  it('spells the command the way the platform does', () => {
    expect(helpText({ command: '/practice' })).toContain('`/practice mock [topic]`');
  });
});

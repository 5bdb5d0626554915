/**
 * The `/obs-question` grammar, shared by every platform (Slack slash command, Discord
 * slash command, terminal). Pure: it never loads content, so a single unknown word is
 * returned as a topic and validated later against the question bank by whoever owns it.
 */

/** Sub-commands that later issues fill in. Parsed now so the words stay reserved. */
export const RESERVED_COMMANDS = ['peer', 'pair'] as const;
export type ReservedCommandName = (typeof RESERVED_COMMANDS)[number];

export type ObsCommand =
  | { kind: 'question'; topic?: string }
  | { kind: 'mock'; topic?: string }
  | { kind: 'topics' }
  | { kind: 'help' }
  | { kind: 'stats' }
  /** `stats public on|off`: whether the person's score and streak may be shown to others. */
  | { kind: 'stats-public'; public: boolean }
  /** `daily …`: the words after `daily`, parsed by the worker, which knows the topics and zones. */
  | { kind: 'daily'; args: string[] }
  | { kind: 'leaderboard' }
  /** `scoring`: show; `scoring llm|keyword|reset [channel|workspace]`: change (admins only). */
  | { kind: 'scoring'; change?: { choice: 'llm' | 'keyword' | 'reset'; scope: 'channel' | 'workspace' } }
  /**
   * `forget-me`: asks to confirm (buttons); `forget-me confirm` deletes the person's data.
   * The button sends the second form; typing it is an explicit confirmation too.
   */
  | { kind: 'forget-me'; confirmed: boolean }
  | { kind: 'reserved'; name: ReservedCommandName; args: string[] }
  | { kind: 'unknown'; word: string };

export type ObsCommandKind = ObsCommand['kind'];

/** Topic ids are slugs (`distributed-tracing`); anything else cannot name a topic. */
const TOPIC_WORD = /^[a-z0-9][a-z0-9-]*$/;
/** Long enough to recognise what was typed, short enough to quote back in one line. */
const MAX_QUOTED = 60;

function isReserved(word: string): word is ReservedCommandName {
  return (RESERVED_COMMANDS as readonly string[]).includes(word);
}

function quoted(text: string): string {
  return text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED - 1)}…` : text;
}

/** Parses `topic` words after `mock` or on their own; undefined when they cannot be a topic. */
function topicFrom(words: string[]): { ok: true; topic?: string } | { ok: false } {
  if (words.length === 0) return { ok: true };
  const [only] = words;
  if (words.length > 1 || only === undefined) return { ok: false };
  const topic = only.toLowerCase();
  return TOPIC_WORD.test(topic) ? { ok: true, topic } : { ok: false };
}

/** `stats`, or `stats public on|off`; `stats public` with anything else is not understood. */
function parseStats(rest: string[]): ObsCommand {
  const [second, third, ...more] = rest.map((word) => word.toLowerCase());
  if (second !== 'public') return { kind: 'stats' };
  if ((third === 'on' || third === 'off') && more.length === 0) return { kind: 'stats-public', public: third === 'on' };
  return { kind: 'unknown', word: quoted(['stats', ...rest].join(' ')) };
}

/** `scoring`, or `scoring llm|keyword|reset [channel|workspace]` (the channel by default). */
function parseScoring(rest: string[]): ObsCommand {
  const [choice, scope, ...more] = rest.map((word) => word.toLowerCase());
  if (choice === undefined) return { kind: 'scoring' };
  const validChoice = choice === 'llm' || choice === 'keyword' || choice === 'reset';
  const validScope = scope === undefined || scope === 'channel' || scope === 'workspace';
  if (!validChoice || !validScope || more.length > 0) return { kind: 'unknown', word: quoted(['scoring', ...rest].join(' ')) };
  return { kind: 'scoring', change: { choice, scope: scope ?? 'channel' } };
}

/** `forget-me`, or `forget-me confirm`; any other word after it is not understood (nothing is deleted by a typo). */
function parseForgetMe(rest: string[]): ObsCommand {
  const words = rest.map((word) => word.toLowerCase());
  if (words.length === 0) return { kind: 'forget-me', confirmed: false };
  if (words.length === 1 && words[0] === 'confirm') return { kind: 'forget-me', confirmed: true };
  return { kind: 'unknown', word: quoted(['forget-me', ...rest].join(' ')) };
}

export function parseObsCommand(text: string): ObsCommand {
  const trimmed = text.trim();
  const words = trimmed.split(/\s+/).filter((word) => word.length > 0);
  const [first, ...rest] = words;
  if (first === undefined) return { kind: 'question' };
  const keyword = first.toLowerCase();
  // Extra words after help/topics/stats are forgiven: the intent is unmistakable.
  if (keyword === 'help' || keyword === '?') return { kind: 'help' };
  if (keyword === 'topics') return { kind: 'topics' };
  if (keyword === 'stats') return parseStats(rest);
  if (keyword === 'daily') return { kind: 'daily', args: rest };
  // Extra words after leaderboard are forgiven, like after stats.
  if (keyword === 'leaderboard') return { kind: 'leaderboard' };
  if (keyword === 'scoring') return parseScoring(rest);
  if (keyword === 'forget-me') return parseForgetMe(rest);
  if (isReserved(keyword)) return { kind: 'reserved', name: keyword, args: rest };
  if (keyword === 'mock') {
    const parsed = topicFrom(rest);
    if (!parsed.ok) return { kind: 'unknown', word: quoted(rest.join(' ')) };
    return parsed.topic === undefined ? { kind: 'mock' } : { kind: 'mock', topic: parsed.topic };
  }
  const parsed = topicFrom(words);
  if (!parsed.ok) return { kind: 'unknown', word: quoted(trimmed.replace(/\s+/g, ' ')) };
  return parsed.topic === undefined ? { kind: 'question' } : { kind: 'question', topic: parsed.topic };
}

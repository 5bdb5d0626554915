import type { TextReader } from './answer-text.ts';
import { WORD_SENTENCE_RULE } from './lexicon.ts';
import { GAP_NEWLINE, GAP_SEPARATOR, GAP_TERMINATOR, normAt, type Tokens } from './tokenize.ts';

/*
 * What every sentence-level rejection rule (negation-discourse.ts, negation-sections.ts,
 * negation-replies.ts) reads and writes: the gap bits between tokens, the characters in a gap,
 * a phrase spelled from a token, and the rejection marks themselves.
 */

export const QUESTION_MARK = 63;
export const COLON = 58;
const GREATER = 62;
const RIGHT_ARROW = 0x2192;
const EM_DASH = 0x2014;
const EN_DASH = 0x2013;

/** A character that can part a topic from its comment: "X: phase 3", "X → nah", "X -> nope", "X — dropped". */
export function isTopicBreak(code: number): boolean {
  return code === COLON || code === GREATER || code === RIGHT_ARROW || code === EM_DASH || code === EN_DASH;
}

/** A sentence (or clause) as token indices, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** Marks tokens [from, to) as rejected by the token `cue` (1 + its index), where no earlier rule did. */
export function markRejected(out: Int32Array, from: number, to: number, cue: number): void {
  for (let index = from; index < to; index += 1) if (out[index] === 0) out[index] = cue + 1;
}

/** The gap before token `index` has one of the GAP_* `bits`. */
export function gapHas(tokens: Tokens, index: number, bits: number): boolean {
  return ((tokens.gaps[index] ?? 0) & bits) !== 0;
}

/** The tokens from `at` spell `words` in order. */
export function spells(tokens: Tokens, at: number, words: readonly string[]): boolean {
  for (let offset = 0; offset < words.length; offset += 1) if (normAt(tokens, at + offset) !== words[offset]) return false;
  return true;
}

/** The characters [from, to) hold the code unit `code`. */
export function holdsCode(text: TextReader, from: number, to: number, code: number): boolean {
  for (let at = from; at < to; at += 1) if (text.charCodeAt(at) === code) return true;
  return false;
}

/** The sentence ending before token `end` ends with a question mark. */
export function endsWithQuestion(tokens: Tokens, text: TextReader, end: number): boolean {
  const to = end < tokens.count ? (tokens.starts[end] ?? text.length) : text.length;
  return holdsCode(text, tokens.ends[end - 1] ?? 0, to, QUESTION_MARK);
}

/** The characters before token `index` (after the last token: to the text's end) hold a colon. */
export function colonInGap(tokens: Tokens, text: TextReader, index: number): boolean {
  if (index <= 0) return false;
  const to = index < tokens.count ? (tokens.starts[index] ?? text.length) : text.length;
  return holdsCode(text, tokens.ends[index - 1] ?? 0, to, COLON);
}

/**
 * The gap before token `index` is a colon, or a dash set apart by spaces (" - ", " – ", " — "):
 * what follows explains or replaces what came before ("There shouldn't be five versions of
 * conversion - one owned definition"). An in-word hyphen ("tail-based") is not one.
 */
export function explanationBreakBefore(tokens: Tokens, text: TextReader, index: number): boolean {
  if (colonInGap(tokens, text, index)) return true;
  if (index <= 0 || index >= tokens.count) return false;
  const from = tokens.ends[index - 1] ?? 0;
  const to = tokens.starts[index] ?? from;
  for (let at = from + 1; at < to - 1; at += 1) {
    const code = text.charCodeAt(at);
    if ((code === 45 || code === 0x2013 || code === 0x2014) && text.charCodeAt(at - 1) === 32 && text.charCodeAt(at + 1) === 32) return true;
  }
  return false;
}

/** Where the clause holding token `index` ends (exclusive): the next list separator, sentence end or line break. */
export function clauseEnd(tokens: Tokens, index: number, end: number): number {
  let at = index + 1;
  while (at < end && !gapHas(tokens, at, GAP_SEPARATOR | GAP_TERMINATOR | GAP_NEWLINE)) at += 1;
  return at;
}

/** The word at `index` when a sentence-level rule can start from it (negation-rule-words.ts), else '': one bit test for most words. */
export function ruleWordAt(tokens: Tokens, index: number): string {
  const word = tokens.words[index];
  return word !== undefined && (word.classes & WORD_SENTENCE_RULE) !== 0 ? word.norm : '';
}

/** A word's length and first letter, as an index into a WordTriggers' shape table. */
function shapeOf(word: string): number {
  return (Math.min(word.length, 15) << 7) | (word.charCodeAt(0) & 127);
}

/**
 * What each trigger word starts, for rules that look at every word of an answer: a typed-array
 * test on the word's length and first letter turns most words away before the map lookup (one
 * lookup per word in each of several sets cost more than the rules themselves).
 */
export class WordTriggers {
  private readonly shapes = new Uint8Array(16 << 7);
  private readonly triggers: ReadonlyMap<string, number>;

  constructor(triggers: ReadonlyMap<string, number>) {
    this.triggers = triggers;
    for (const word of triggers.keys()) if (word.length > 0) this.shapes[shapeOf(word)] = 1;
  }

  /** The trigger of `word`, or 0. */
  of(word: string): number {
    if (word.length === 0 || this.shapes[shapeOf(word)] !== 1) return 0;
    return this.triggers.get(word) ?? 0;
  }
}

/** A trigger table giving each word of each set the set's trigger (the first set naming a word wins). */
export function wordTriggers(groups: readonly (readonly [number, Iterable<string>])[]): WordTriggers {
  const map = new Map<string, number>();
  for (const [trigger, words] of groups) for (const word of words) if (!map.has(word)) map.set(word, trigger);
  return new WordTriggers(map);
}

/** A trigger table where a word in several sets carries all their bits (a word may start two kinds of rule: "shelved"). */
export function wordTriggerBits(groups: readonly (readonly [number, Iterable<string>])[]): WordTriggers {
  const map = new Map<string, number>();
  for (const [bit, words] of groups) for (const word of words) map.set(word, (map.get(word) ?? 0) | bit);
  return new WordTriggers(map);
}

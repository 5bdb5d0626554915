import type { TextReader } from './answer-text.ts';
import { normAt, type Tokens } from './tokenize.ts';

/*
 * What every sentence-level rejection rule (negation-discourse.ts, negation-sections.ts,
 * negation-replies.ts) reads and writes: the gap bits between tokens, the characters in a gap,
 * a phrase spelled from a token, and the rejection marks themselves.
 */

export const QUESTION_MARK = 63;
export const COLON = 58;

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

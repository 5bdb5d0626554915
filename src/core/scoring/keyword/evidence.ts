import type { TextReader } from './answer-text.ts';
import { isRegexSpace, type Segment } from './sentences.ts';
import type { Tokens } from './tokenize.ts';

/**
 * Quotes the part of the answer that evidences a point. The quote is always a verbatim
 * substring of the answer (feedback that misquotes someone loses their trust): the clause
 * around the match when the sentence has several, else the whole sentence when it is short,
 * else a window of whole words.
 */
export const MAX_EVIDENCE_CHARS = 160;

const LEADING_JUNK = /^(?:[\s\-*•·>#]+|\d{1,3}[.)]\s+)+/;

/**
 * What `/[\s.,;:!?\u3002\uff01\uff1f\u2026]+$/` strips from the end, read backwards from the
 * end: the regex tried every position of the quote for a run reaching the end.
 */
function isTrailingJunk(code: number): boolean {
  return code === 46 || code === 44 || code === 59 || code === 58 || code === 33 || code === 63 || code === 0x3002 || code === 0xff01 || code === 0xff1f || code === 0x2026 || isRegexSpace(code);
}

function trimmed(text: TextReader, start: number, end: number): string {
  const raw = text.slice(start, end);
  const lead = LEADING_JUNK.exec(raw)?.[0].length ?? 0;
  let stop = raw.length;
  while (stop > lead && isTrailingJunk(raw.charCodeAt(stop - 1))) stop -= 1;
  return raw.slice(lead, stop);
}

/** , ; : ( ) – —: a clause ends at one (read by code, not by a regex on each character). */
function isClauseDelimiter(code: number): boolean {
  return code === 44 || code === 59 || code === 58 || code === 40 || code === 41 || code === 0x2013 || code === 0x2014;
}

/** Nearest clause delimiter scanning from `from` towards `limit` (exclusive), or -1. */
function findDelimiter(text: TextReader, from: number, limit: number, step: 1 | -1): number {
  for (let index = from; step === 1 ? index < limit : index >= limit; index += step) {
    if (isClauseDelimiter(text.charCodeAt(index))) return index;
  }
  return -1;
}

function cutSafely(text: TextReader, start: number, end: number): string {
  // Never end a quote on half a surrogate pair (an emoji cut in two).
  const code = text.charCodeAt(end - 1);
  const safeEnd = code >= 0xd800 && code <= 0xdbff ? end - 1 : end;
  return text.slice(start, safeEnd);
}

/** A clause shorter than this many words ("For queues") is quoted with its sentence. */
const MIN_CLAUSE_WORDS = 4;

function wordsIn(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

export function quoteEvidence(text: TextReader, tokens: Tokens, segment: Segment, firstToken: number, lastToken: number): string {
  const sentence = trimmed(text, segment.start, segment.end);
  const matchStart = tokens.starts[firstToken] ?? segment.start;
  const matchEnd = tokens.ends[lastToken] ?? segment.end;
  if (matchEnd - matchStart >= MAX_EVIDENCE_CHARS) return cutSafely(text, matchStart, matchStart + MAX_EVIDENCE_CHARS);

  // The clause that carries the match: a quote should support its point, not the sentence's
  // other ideas (one sentence often names two points, one per clause).
  const before = findDelimiter(text, matchStart - 1, Math.max(segment.start, matchStart - MAX_EVIDENCE_CHARS), -1);
  const after = findDelimiter(text, matchEnd, Math.min(segment.end, matchEnd + MAX_EVIDENCE_CHARS), 1);
  const clauseStart = before === -1 ? segment.start : before + 1;
  const clauseEnd = after === -1 ? segment.end : after;
  const clause = trimmed(text, clauseStart, clauseEnd);
  const clauseFits = clause.length <= MAX_EVIDENCE_CHARS && clause.length >= matchEnd - matchStart;
  if (clauseFits && clause !== sentence && wordsIn(clause) >= MIN_CLAUSE_WORDS) return clause;
  if (sentence.length <= MAX_EVIDENCE_CHARS && sentence.length > 0) return sentence;
  if (clauseFits) return clause;

  // Grow a window of whole words around the match, alternating sides, inside the clause.
  let left = firstToken;
  let right = lastToken;
  let grew = true;
  while (grew) {
    grew = false;
    const leftStart = tokens.starts[left - 1] ?? -1;
    if (left - 1 >= segment.firstToken && leftStart >= clauseStart && (tokens.ends[right] ?? 0) - leftStart <= MAX_EVIDENCE_CHARS) {
      left -= 1;
      grew = true;
    }
    const rightEnd = tokens.ends[right + 1] ?? Infinity;
    if (right + 1 < segment.endToken && rightEnd <= clauseEnd && rightEnd - (tokens.starts[left] ?? 0) <= MAX_EVIDENCE_CHARS) {
      right += 1;
      grew = true;
    }
  }
  return text.slice(tokens.starts[left] ?? matchStart, tokens.ends[right] ?? matchEnd);
}

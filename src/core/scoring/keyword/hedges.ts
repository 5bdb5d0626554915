import type { ReusedUint8 } from '../reused-arrays.ts';
import { HEDGE_WORDS } from './function-words.ts';
import { WORD_HEDGE } from './lexicon.ts';
import { clauseBoundaryBefore, type Tokens } from './tokenize.ts';

/*
 * Hedged mentions: "maybe we'd look at cost per order at some point", "we might split by region
 * sometimes", "alerts could perhaps compare orders with last week, eventually". An interviewer
 * hears an idea floated, not a design committed to, and gives it half credit at most. The whole
 * clause around a hedge word is hedged (a clause ends at punctuation or a line break).
 */

/** "at some point", "some day": the word after "some" that makes it a hedge. */
const SOME_HEDGES: ReadonlySet<string> = new Set(['point', 'day', 'stage']);

/**
 * One byte per token: 1 when the token is in a hedged clause. `reuse`: an array to hold the
 * result instead of a fresh one (see reused-arrays.ts).
 */
export function hedgedTokens(tokens: Tokens, reuse?: ReusedUint8): Uint8Array {
  const out = reuse ? reuse.take(tokens.count) : new Uint8Array(tokens.count);
  for (let index = 0; index < tokens.count; index += 1) {
    // One bit (lexicon.ts) turns away every word that is neither a hedge word nor "some".
    const word = tokens.words[index];
    if (word === undefined || (word.classes & WORD_HEDGE) === 0) continue;
    const norm = word.norm;
    const hedge = HEDGE_WORDS.has(norm) || (norm === 'some' && SOME_HEDGES.has(tokens.words[index + 1]?.norm ?? '') && !clauseBoundaryBefore(tokens, index + 1));
    if (!hedge || out[index] === 1) continue;
    let start = index;
    while (start > 0 && !clauseBoundaryBefore(tokens, start)) start -= 1;
    let end = index + 1;
    while (end < tokens.count && !clauseBoundaryBefore(tokens, end)) end += 1;
    out.fill(1, start, end);
  }
  return out;
}

/** Some token of [first, last] is in a hedged clause. */
export function isHedged(hedged: Uint8Array, first: number, last: number): boolean {
  for (let index = first; index <= last; index += 1) if (hedged[index] === 1) return true;
  return false;
}

import { ReusedCodeUnits, type ReusedInt32, type ReusedUint16 } from '../reused-arrays.ts';
import { asciiWordAt, describeWord, HASH_PRIME, HASH_SEED, type WordInfo } from './lexicon.ts';
import { normalizeWord } from './normalize.ts';

/**
 * Splits text into word tokens that remember where they came from, so any match can be
 * quoted verbatim from the original answer, and records what separates each token from the
 * one before it (a space, a hyphen, a full stop, a new line...), so later stages never have
 * to rescan the characters. One pass over the text: this runs on every score.
 *
 * A word is a run of letters, digits and marks in any script (an apostrophe inside a word is
 * kept: "don't"). Hyphens, underscores, dots and slashes separate words, so "tail-based" and
 * "tail based" tokenise alike. Han and kana characters are one token each, because those
 * scripts don't put spaces between words; so are "%" and currency signs ("1%", "$0.10/GB").
 */
export interface Tokens {
  count: number;
  /** Offset of each token's first UTF-16 unit in the original text (valid below `count`). */
  starts: Int32Array;
  /** Offset just past each token. */
  ends: Int32Array;
  /** GAP_* bits: what lies between the previous token and this one. */
  gaps: Uint16Array;
  /** The word: normalised form, stem and word classes. */
  words: WordInfo[];
  /** Tokens that are more than ASCII letters and digits (accents, other scripts, apostrophes,
   * "%"), ascending: only for them does `words[i].norm` differ from the lower-cased text. */
  irregular: number[];
}

/** The gap is exactly one space. */
export const GAP_SPACE = 1;
/** The gap is exactly one hyphen. */
export const GAP_HYPHEN = 2;
/** A sentence end: . ! ? or … followed by a non-word character, or 。！？ */
export const GAP_TERMINATOR = 4;
export const GAP_NEWLINE = 8;
/** Two or more line breaks: a paragraph break. */
export const GAP_BLANK_LINE = 16;
/** A bullet (- * • > #) after the last line break. */
export const GAP_BULLET = 32;
/** A list separator: , ; | / • · # + & → > — */
export const GAP_SEPARATOR = 64;
/** Punctuation other than a comma before the first line break (the line ended "properly"). */
export const GAP_PUNCT_BEFORE_NEWLINE = 128;
/**
 * A semicolon, also a GAP_SEPARATOR. Told apart because it joins two clauses far more often than
 * two list items: "Tail sampling keeps every error; span links can come later" defers only the links.
 */
export const GAP_SEMICOLON = 256;

/** The normalised word at `index`, or '' past the end: the rules read neighbours freely. */
export function normAt(tokens: Tokens, index: number): string {
  return tokens.words[index]?.norm ?? '';
}

/** A clause boundary (list separator, sentence end or line break) stands before token `index`. */
export function clauseBoundaryBefore(tokens: Tokens, index: number): boolean {
  return ((tokens.gaps[index] ?? 0) & (GAP_SEPARATOR | GAP_TERMINATOR | GAP_NEWLINE)) !== 0;
}

const NONE = 0;
const WORD = 1;
const STANDALONE = 2;

const ASCII_WORD = new Uint8Array(128);
for (let code = 0; code < 128; code += 1) {
  if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) ASCII_WORD[code] = 1;
}

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
const STANDALONE_CHAR = /^[\p{Ideographic}\p{Script=Hiragana}\p{Script=Katakana}\p{Sc}]$/u;
const nonAsciiClass = new Map<number, number>();

function classOfCodePoint(codePoint: number): number {
  const known = nonAsciiClass.get(codePoint);
  if (known !== undefined) return known;
  const char = String.fromCodePoint(codePoint);
  const kind = STANDALONE_CHAR.test(char) ? STANDALONE : WORD_CHAR.test(char) ? WORD : NONE;
  // Bounded: the set of distinct characters people type is small, but input is untrusted.
  if (nonAsciiClass.size < 20_000) nonAsciiClass.set(codePoint, kind);
  return kind;
}

const APOSTROPHE = 39;
const PERCENT = 37;
const DOLLAR = 36;
const RIGHT_SINGLE_QUOTE = 0x2019;

// One buffer reused by every call (tokenize is synchronous and the units never leave it), so a
// long text's copy is not fresh garbage on every call.
const CODE_UNITS = new ReusedCodeUnits();

function codePointAt(units: Uint16Array, index: number): number {
  const high = units[index] ?? 0;
  if (high < 0xd800 || high > 0xdbff) return high;
  const low = units[index + 1] ?? 0;
  return low >= 0xdc00 && low <= 0xdfff ? ((high - 0xd800) << 10) + (low - 0xdc00) + 0x10000 : high;
}

function isWordAt(units: Uint16Array, index: number): boolean {
  const code = units[index] ?? 0;
  if (code < 128) return ASCII_WORD[code] === 1;
  return classOfCodePoint(codePointAt(units, index)) !== NONE;
}

/** GAP_* bits for the code units in [start, end) between two tokens. */
function describeGap(units: Uint16Array, start: number, end: number): number {
  if (end - start === 1) {
    const only = units[start];
    if (only === 32) return GAP_SPACE;
    if (only === 45) return GAP_HYPHEN;
  }
  let bits = 0;
  let newlines = 0;
  for (let index = start; index < end; index += 1) {
    const code = units[index] ?? 0;
    switch (code) {
      case 10:
        newlines += 1;
        bits |= GAP_NEWLINE | (newlines > 1 ? GAP_BLANK_LINE : 0);
        bits &= ~GAP_BULLET;
        break;
      case 32: case 9: case 13:
        break;
      case 46: case 33: case 63: case 0x2026: {
        // "p99.9" and "e.g" continue a word; ". " or ".)" ends a sentence.
        const next = index + 1;
        if (next >= units.length || (units[next] !== 46 && !isWordAt(units, next))) bits |= GAP_TERMINATOR;
        if (newlines === 0) bits |= GAP_PUNCT_BEFORE_NEWLINE;
        break;
      }
      case 0x3002: case 0xff01: case 0xff1f:
        bits |= GAP_TERMINATOR | (newlines === 0 ? GAP_PUNCT_BEFORE_NEWLINE : 0);
        break;
      case 44: case 0xff0c: case 0x3001:
        bits |= GAP_SEPARATOR;
        break;
      case 59:
        bits |= GAP_SEPARATOR | GAP_SEMICOLON | (newlines === 0 ? GAP_PUNCT_BEFORE_NEWLINE : 0);
        break;
      case 124: case 47: case 0xb7:
        bits |= GAP_SEPARATOR | (newlines === 0 ? GAP_PUNCT_BEFORE_NEWLINE : 0);
        break;
      case 45: case 42: case 0x2022: case 62: case 35:
        if (newlines > 0) bits |= GAP_BULLET;
        // Mid-line, a bullet, a hashtag ("#tracing #sampling") or an arrow (-> >) separates list items.
        else bits |= GAP_PUNCT_BEFORE_NEWLINE | (code === 0x2022 || code === 35 || code === 62 ? GAP_SEPARATOR : 0);
        break;
      case 43: case 38: case 0x2192: case 0x21d2: case 0x2014:
        // "errors + slow traces", "logs & metrics", "A → B", "X — Y": joined like list items.
        bits |= GAP_SEPARATOR | (newlines === 0 ? GAP_PUNCT_BEFORE_NEWLINE : 0);
        break;
      default:
        if (newlines === 0) bits |= GAP_PUNCT_BEFORE_NEWLINE;
    }
  }
  return bits;
}

class TokenBuilder {
  count = 0;
  starts: Int32Array;
  ends: Int32Array;
  gaps: Uint16Array;
  readonly words: WordInfo[];
  readonly irregular: number[] = [];

  constructor(capacity: number, reuse?: TokenArrays) {
    this.starts = reuse ? reuse.starts.take(capacity) : new Int32Array(capacity);
    this.ends = reuse ? reuse.ends.take(capacity) : new Int32Array(capacity);
    this.gaps = reuse ? reuse.gaps.take(capacity) : new Uint16Array(capacity);
    this.words = reuse ? reuse.words : new Array<WordInfo>(capacity);
  }

  push(units: Uint16Array, start: number, end: number, word: WordInfo): void {
    if (this.count === this.starts.length) this.grow();
    const index = this.count;
    const previousEnd = this.ends[index - 1] ?? 0;
    // Most gaps are one space: skip the general description for them.
    if (index === 0) this.gaps[index] = 0;
    else if (start - previousEnd === 1 && units[previousEnd] === 32) this.gaps[index] = GAP_SPACE;
    else this.gaps[index] = describeGap(units, previousEnd, start);
    this.starts[index] = start;
    this.ends[index] = end;
    this.words[index] = word;
    this.count = index + 1;
  }

  private grow(): void {
    const capacity = this.starts.length * 2 + 16;
    const starts = new Int32Array(capacity);
    const ends = new Int32Array(capacity);
    const gaps = new Uint16Array(capacity);
    starts.set(this.starts);
    ends.set(this.ends);
    gaps.set(this.gaps);
    this.starts = starts;
    this.ends = ends;
    this.gaps = gaps;
  }
}

function slowWord(text: string, start: number, end: number): WordInfo {
  return describeWord(normalizeWord(text.slice(start, end)));
}

/**
 * Arrays for the tokens to live in instead of fresh ones (see reused-arrays.ts): for the scorer,
 * whose tokens are dropped when the score is done. The tokens are valid until the next call
 * with the same arrays.
 */
export interface TokenArrays {
  starts: ReusedInt32;
  ends: ReusedInt32;
  gaps: ReusedUint16;
  /** The words of the last tokenize call with these arrays; `used` of them are set. */
  words: WordInfo[];
  used: number;
}

export function tokenize(text: string, reuse?: TokenArrays): Tokens {
  return tokenizeUnits(text, CODE_UNITS.read(text), reuse);
}

/**
 * Tokenises `units`: the text's UTF-16 units, where stretches may have been blanked (spaces,
 * line breaks kept; see answer-text.ts) so that they hold no token. A token is never a blanked
 * unit, so each token's characters are read from `text` itself.
 */
export function tokenizeUnits(text: string, units: Uint16Array, reuse?: TokenArrays): Tokens {
  const length = units.length;
  // English averages about six characters per word and its gap; grow if the text is denser.
  const builder = new TokenBuilder((length >> 2) + 16, reuse);
  let index = 0;
  while (index < length) {
    const code = units[index] ?? 0;
    if (code < 128) {
      if (ASCII_WORD[code] !== 1) {
        // "%" and "$" are words of their own: "1% of traces", "$0.10 per GB".
        if (code === PERCENT || code === DOLLAR) {
          builder.irregular.push(builder.count);
          builder.push(units, index, index + 1, slowWord(text, index, index + 1));
        }
        index += 1;
        continue;
      }
    } else {
      const codePoint = codePointAt(units, index);
      const width = codePoint > 0xffff ? 2 : 1;
      const kind = classOfCodePoint(codePoint);
      if (kind === NONE) {
        index += width;
        continue;
      }
      if (kind === STANDALONE) {
        builder.irregular.push(builder.count);
        builder.push(units, index, index + width, slowWord(text, index, index + width));
        index += width;
        continue;
      }
    }

    // A word: ASCII letters and digits hash in a tight loop; anything else (accents,
    // apostrophes, other scripts) makes it take the normalising slow path.
    const start = index;
    let simple = code < 128;
    let hash = HASH_SEED;
    while (index < length) {
      const next = units[index] ?? 0;
      if (next < 128) {
        if (ASCII_WORD[next] === 1) {
          // `| 0x20` lower-cases A-Z and leaves a-z and 0-9 as they are (their 0x20 bit is set).
          hash = Math.imul(hash ^ (next | 0x20), HASH_PRIME);
          index += 1;
          continue;
        }
        if (next === APOSTROPHE && index + 1 < length && isWordAt(units, index + 1)) {
          simple = false;
          index += 1;
          continue;
        }
        break;
      }
      if (next === RIGHT_SINGLE_QUOTE && index + 1 < length && isWordAt(units, index + 1)) {
        simple = false;
        index += 1;
        continue;
      }
      const codePoint = codePointAt(units, index);
      if (classOfCodePoint(codePoint) !== WORD) break;
      simple = false;
      index += codePoint > 0xffff ? 2 : 1;
    }
    if (!simple) builder.irregular.push(builder.count);
    // Masked to 30 bits so the hash stays a small integer and is never boxed on the heap.
    builder.push(units, start, index, simple ? asciiWordAt(text, units, start, index, hash & 0x3fffffff) : slowWord(text, start, index));
  }
  if (reuse) {
    // The reused list keeps its length (so its storage), but nothing past the answer's own
    // tokens: a read past `count` finds nothing, as it does in a fresh list.
    builder.words.fill(undefined as unknown as WordInfo, builder.count, reuse.used);
    reuse.used = builder.count;
  } else builder.words.length = builder.count;
  return { count: builder.count, starts: builder.starts, ends: builder.ends, gaps: builder.gaps, words: builder.words, irregular: builder.irregular };
}

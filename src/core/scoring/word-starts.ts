import { stickyOf } from './anchored-matches.ts';
import { matchStarts } from './keyword/regex-literals.ts';
import { isRegexSpace } from './keyword/sentences.ts';
import { ReusedCodeUnits, type ReusedInt32 } from './reused-arrays.ts';

/*
 * Runs a global regular expression only where a match can begin. The grader-addressed scans
 * (grader-addressed.ts, grader-disguises.ts) use big alternations whose every branch starts
 * with a known word ("score", "reviewer", "calibrat"...). V8 tries such an alternation at
 * every character of the answer, which made those few regexes a fifth of the keyword scorer's
 * time. Here the answer's word starts are listed once, each with a code for its first three
 * letters or digits, and a pattern runs (sticky) only at the word starts whose code one of its
 * branches can start with (and whose fourth letter fits, where the branches' words have one),
 * and at the non-word characters a branch can start with.
 *
 * The result is exactly what `pattern.exec` returns from the same lastIndex: the attempt at a
 * position is the same attempt the global scan makes there, positions are tried in the same
 * order, and a position is only skipped when no branch can match there. regex-literals.ts
 * (matchStarts) reads which words and characters those are from the pattern itself; a pattern
 * it can't read runs as before, on every position.
 */

/** Letters a-z are 1-26, digits 27-36; anything else ends the word and is 0. */
const KEY_BASE = 37;
export const KEY_COUNT = KEY_BASE * KEY_BASE * KEY_BASE;

function keyUnit(code: number): number {
  if (code >= 97 && code <= 122) return code - 96;
  if (code >= 65 && code <= 90) return code - 64;
  if (code >= 48 && code <= 57) return code - 21;
  return 0;
}

/** The key wordStarts gives a word starting at `at` in `text` (its first three characters, case folded). */
export function wordStartKey(text: string, at: number): number {
  const second = keyUnit(text.charCodeAt(at + 1));
  const third = second !== 0 ? keyUnit(text.charCodeAt(at + 2)) : 0;
  return (keyUnit(text.charCodeAt(at)) * KEY_BASE + second) * KEY_BASE + third;
}

/** A regex word character (patterns here have no "u" flag): where `\b` can sit before a word. */
/** A character `\\w` matches: an ASCII letter or digit, or '_'. */
export function isRegexWordCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/** Every position of a text where a letter or digit follows a non-word character (or the start), ascending. */
export interface WordStarts {
  count: number;
  positions: Int32Array;
  /** Code of the first three characters there, case folded (see keyUnit). */
  keys: Int32Array;
  /**
   * The text has two spaces in a row or a tab (what a plain-text table is laid out with). Noted
   * in the same pass: `text.includes('  ')` stops at every space and cost more than this scan.
   */
  spacedOut: boolean;
  /**
   * What grader-disguises.ts checks before its scans, noted in the same pass for the same reason
   * (a dozen `includes` calls of patterns made of common characters): the text has one of
   * WALL_HINTS (three line breaks with at most one blank between, or ten equal wall characters
   * "-=_*.~#" in a row), three dashes in a row, or a Kelvin sign.
   */
  wallHint: boolean;
  tripleDash: boolean;
  kelvin: boolean;
  /**
   * What grader-addressed.ts's scans test before they run, noted in the same pass (each was a
   * regex over the whole answer): two "|" on one line (`/\|[^\n]*\|/`), a comma followed by a
   * character that is not whitespace (`/,[^\s]/`), and a hidden character or the high half of a
   * tag character (HIDDEN_HINT there).
   */
  twoPipesOnALine: boolean;
  commaBeforeNonSpace: boolean;
  hiddenHint: boolean;
  /** A check mark or "[" (`/[\u2713\u2714\u2705\u2611[]/`, what tickedLines of grader-addressed.ts needs), noted for the same reason. */
  checkMarkHint: boolean;  /**
   * A Latin letter with a diacritic (U+00C0-U+024F) or a Chinese, Japanese or Korean character:
   * what other-language.ts needs before it looks for a paragraph in another language.
   */
  accented: boolean;
  cjk: boolean;
}

/** Arrays for wordStarts to fill instead of allocating (see reused-arrays.ts). */
export interface WordStartArrays {
  positions: ReusedInt32;
  keys: ReusedInt32;
}

/** keyUnit for each ASCII code; 0 for anything else. */
const ASCII_KEY_UNIT = new Uint8Array(128);
/** 1 for an ASCII letter or digit (a word can start there), 2 for "_" (a regex word character that starts none). */
const ASCII_WORD_CLASS = new Uint8Array(128);
/** The other ASCII characters the pass notes (see WordStarts): blanks, line breaks and wall characters. */
const SPECIAL_SPACE = 1;
const SPECIAL_TAB = 2;
const SPECIAL_NEWLINE = 3;
const SPECIAL_WALL = 4;
const SPECIAL_PIPE = 5;
const SPECIAL_BRACKET = 6;
const ASCII_SPECIAL = new Uint8Array(128);
for (let code = 0; code < 128; code += 1) {
  ASCII_KEY_UNIT[code] = keyUnit(code);
  if (isRegexWordCode(code)) ASCII_WORD_CLASS[code] = code === 95 ? 2 : 1;
}
ASCII_SPECIAL[32] = SPECIAL_SPACE;
ASCII_SPECIAL[9] = SPECIAL_TAB;
ASCII_SPECIAL[10] = SPECIAL_NEWLINE;
for (const wall of '-=_*.~#') ASCII_SPECIAL[wall.charCodeAt(0)] = SPECIAL_WALL;
ASCII_SPECIAL[124] = SPECIAL_PIPE;
ASCII_SPECIAL[91] = SPECIAL_BRACKET;
const COMMA = 44;
const WALL_RUN = 10;
const DASH = 45;
const KELVIN = 0x212a;


/** HIDDEN_HINT of grader-addressed.ts: zero-width and bidi characters, word joiners, the BOM, a tag character's high half. */
function isHiddenHint(code: number): boolean {
  return (code >= 0x200b && code <= 0x200f) || (code >= 0x202a && code <= 0x202e) || (code >= 0x2060 && code <= 0x2064) || (code >= 0x2066 && code <= 0x2069) || code === 0xfeff || code === 0xdb40;
}

/** The check marks tickedLines of grader-addressed.ts looks for: ✓ ✔ ✅ ☑. */
function isCheckMark(code: number): boolean {
  return code === 0x2713 || code === 0x2714 || code === 0x2705 || code === 0x2611;
}

/** Kana, CJK ideographs (extension A and the main block) and Hangul syllables. */
function isCjk(code: number): boolean {
  return (code >= 0x3040 && code <= 0x30ff) || (code >= 0x3400 && code <= 0x9fff) || (code >= 0xac00 && code <= 0xd7af);
}

/** The text's UTF-16 units, for wordStarts to read (see ReusedCodeUnits); it is synchronous and done with them when it returns. */
const CODE_UNITS = new ReusedCodeUnits();

export function wordStarts(text: string, reuse?: WordStartArrays): WordStarts {
  // At most one word start per two characters.
  const capacity = (text.length >> 1) + 1;
  const positions = reuse ? reuse.positions.take(capacity) : new Int32Array(capacity);
  const keys = reuse ? reuse.keys.take(capacity) : new Int32Array(capacity);
  const units = CODE_UNITS.read(text);
  const length = units.length;
  let count = 0;
  let previousIsWord = false;
  let previousCode = -1;
  let beforePrevious = -1;
  /** How many times the current character repeats up to here (kept for the noted characters only). */
  let run = 0;
  let spacedOut = false;
  let wallHint = false;
  let tripleDash = false;
  let kelvin = false;
  let pipeOnLine = false;
  let twoPipesOnALine = false;
  let commaBeforeNonSpace = false;
  let hiddenHint = false;
  let checkMarkHint = false;
  let accented = false;
  let cjk = false;
  let index = 0;
  while (index < length) {
    const code = units[index] ?? 0;
    if (previousCode === COMMA && !commaBeforeNonSpace && !isRegexSpace(code)) commaBeforeNonSpace = true;
    // Table lookups rather than range tests: this loop reads every character of every answer.
    const wordClass = code < 128 ? (ASCII_WORD_CLASS[code] ?? 0) : 0;
    if (wordClass === 1) {
      if (!previousIsWord) {
        const next = index + 1 < length ? (units[index + 1] ?? 0) : 0;
        const second = next < 128 ? (ASCII_KEY_UNIT[next] ?? 0) : 0;
        const afterNext = second !== 0 && index + 2 < length ? (units[index + 2] ?? 0) : 0;
        const third = afterNext < 128 ? (ASCII_KEY_UNIT[afterNext] ?? 0) : 0;
        positions[count] = index;
        keys[count] = ((ASCII_KEY_UNIT[code] ?? 0) * KEY_BASE + second) * KEY_BASE + third;
        count += 1;
      }
      // The letters and digits that follow are skipped in a tight loop (most of the text): none
      // starts a word, none is a noted character, and a comma can't come before them.
      let end = index + 1;
      while (end < length) {
        const unit = units[end] ?? 0;
        if (unit >= 128 || ASCII_WORD_CLASS[unit] !== 1) break;
        end += 1;
      }
      // As if each had gone through the loop: only the last two characters are remembered.
      beforePrevious = end - index >= 2 ? (units[end - 2] ?? 0) : previousCode;
      previousCode = units[end - 1] ?? 0;
      previousIsWord = true;
      index = end;
      continue;
    } else if (code < 128) {
      const special = ASCII_SPECIAL[code] ?? 0;
      if (special !== 0) {
        run = code === previousCode ? run + 1 : 1;
        if (special === SPECIAL_SPACE) {
          if (previousCode === 32) spacedOut = true;
        } else if (special === SPECIAL_TAB) spacedOut = true;
        else if (special === SPECIAL_NEWLINE) {
          // "\n\n\n", "\n \n", "\n\t\n"
          if (beforePrevious === 10 && (previousCode === 10 || previousCode === 32 || previousCode === 9)) wallHint = true;
          pipeOnLine = false;
        } else if (special === SPECIAL_PIPE) {
          if (pipeOnLine) twoPipesOnALine = true;
          pipeOnLine = true;
        } else if (special === SPECIAL_BRACKET) checkMarkHint = true;
        else {
          if (run >= WALL_RUN) wallHint = true;
          if (code === DASH && run >= 3) tripleDash = true;
        }
      }
    } else if (code === KELVIN) kelvin = true;
    else if (isHiddenHint(code)) hiddenHint = true;
    else if (isCheckMark(code)) checkMarkHint = true;
    else if (code >= 0xc0 && code <= 0x24f) accented = true;
    else if (isCjk(code)) cjk = true;
    previousIsWord = wordClass !== 0;
    beforePrevious = previousCode;
    previousCode = code;
    index += 1;
  }
  return { count, positions, keys, spacedOut, wallHint, tripleDash, kelvin, twoPipesOnALine, commaBeforeNonSpace, hiddenHint, checkMarkHint, accented, cjk };
}

/** 1 for each key a list of prefixes wants, made once per list (callers pass constant lists). */
const PREFIX_TABLES = new WeakMap<readonly string[], Uint8Array>();

function prefixTable(prefixes: readonly string[]): Uint8Array {
  let wanted = PREFIX_TABLES.get(prefixes);
  if (wanted === undefined) {
    wanted = new Uint8Array(KEY_COUNT);
    for (const prefix of prefixes) wanted[(keyUnit(prefix.charCodeAt(0)) * KEY_BASE + keyUnit(prefix.charCodeAt(1))) * KEY_BASE + keyUnit(prefix.charCodeAt(2))] = 1;
    PREFIX_TABLES.set(prefixes, wanted);
  }
  return wanted;
}

/**
 * Every match of the global `pattern`, as `text.matchAll(pattern)` gives them, where each match
 * is known to be non-empty and to begin at a word start (see WordStarts) whose first three
 * characters are one of `prefixes` (any case): a sticky copy is tried at those word starts
 * only, in order, each after the end of the last match, which finds the same first match from
 * there that the global scan finds by trying every position (a position skipped can't start
 * one). `starts` must be wordStarts(text).
 */
export function matchesAtWordsStartingWith(text: string, starts: WordStarts, prefixes: readonly string[], pattern: RegExp): RegExpExecArray[] {
  const wanted = prefixTable(prefixes);
  const sticky = stickyOf(pattern);
  const matches: RegExpExecArray[] = [];
  let from = 0;
  for (let word = 0; word < starts.count; word += 1) {
    const position = starts.positions[word] ?? 0;
    if (position < from || wanted[starts.keys[word] ?? 0] !== 1) continue;
    sticky.lastIndex = position;
    const match = sticky.exec(text);
    if (match === null) continue;
    matches.push(match);
    from = position + match[0].length;
  }
  return matches;
}

/** A global pattern, ready to run at word starts (or, when its starts can't be read, everywhere). */
export interface WordStartPattern {
  pattern: RegExp;
  /** Sticky copy, tried one position at a time; undefined: run `pattern` as it is. */
  sticky?: RegExp;
  /**
   * For each word-start key: 0 when no match begins at such a word, 1 when one can, whatever
   * follows; 2 and up when only some fourth characters can follow (those of the branches'
   * words, see fourthsAllowed), which turns away most common words that share three letters
   * with a cue ("context" with "confirmed", "processor" with "program").
   */
  wanted: Uint8Array;
  /** Bits of the fourth-character units (keyUnit, 0-36) allowed after key k with wanted[k] = v: units 0-31 in [2v], 32-36 in [2v + 1]. */
  fourths: Uint32Array;
  /** Non-word characters a match can begin at ("(", "["). */
  chars: string;
  /** `Array.from(chars)`, and one list of their next positions that execFrom fills on each call (it is synchronous and done with it when it returns), rather than a fresh list per call. */
  charList: readonly string[];
  nextChar: number[];
}

function range(count: number): number[] {
  return Array.from({ length: count }, (_, index) => index);
}

export function wordStartPattern(pattern: RegExp): WordStartPattern {
  const wanted = new Uint8Array(KEY_COUNT);
  const starts = pattern.flags.includes('u') || pattern.flags.includes('v') ? undefined : matchStarts(pattern.source, 4);
  if (!starts) return { pattern, wanted, fourths: NO_FOURTHS, chars: '', charList: [], nextChar: [] };
  // Each key's allowed fourth units; a key in `anyFourth` allows all.
  const fourthsOf = new Map<number, Set<number>>();
  const anyFourth = new Set<number>();
  for (const { word, exact } of starts.words) {
    const units = Array.from(word, (char) => keyUnit(char.charCodeAt(0)));
    const [first = 0, second, third, fourth] = units;
    // A short word that is not exact may go on with any letters ("AI" matches "aim").
    const open = !exact && units.length < 3;
    for (const two of second !== undefined ? [second] : open ? range(KEY_BASE) : [0]) {
      for (const three of third !== undefined ? [third] : open && two !== 0 ? range(KEY_BASE) : [0]) {
        const key = (first * KEY_BASE + two) * KEY_BASE + three;
        wanted[key] = 1;
        // A word read to four letters or digits needs that fourth one; a shorter one, anything.
        if (fourth === undefined) anyFourth.add(key);
        else fourthsOf.set(key, (fourthsOf.get(key) ?? new Set<number>()).add(fourth));
      }
    }
  }
  // Values 2-255 of `wanted` name a key's allowed fourths; keys beyond that allow any (1).
  const fourths = new Uint32Array(256 * 2);
  let next = 2;
  for (const [key, allowed] of fourthsOf) {
    if (anyFourth.has(key) || next > 255) continue;
    for (const unit of allowed) fourths[next * 2 + (unit >> 5)] = (fourths[next * 2 + (unit >> 5)] ?? 0) | (1 << (unit & 31));
    wanted[key] = next;
    next += 1;
  }
  const sticky = new RegExp(pattern.source, `${pattern.flags.replace(/[gy]/g, '')}y`);
  const charList = Array.from(starts.chars);
  return { pattern, sticky, wanted, fourths, chars: starts.chars, charList, nextChar: charList.map(() => -1) };
}

/** First index of `positions` (ascending) at or after `from`. */
function firstAtOrAfter(starts: WordStarts, from: number): number {
  let low = 0;
  let high = starts.count;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((starts.positions[mid] ?? 0) < from) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** What `pattern.exec(text)` returns with lastIndex `from`; `starts` must be wordStarts(text). */
export function execFrom(text: string, starts: WordStarts, compiled: WordStartPattern, from: number): RegExpExecArray | null {
  const { pattern, sticky, wanted, fourths, chars, charList } = compiled;
  if (!sticky) {
    pattern.lastIndex = from;
    return pattern.exec(text);
  }
  // The next position of each start character.
  let nextChar = NO_CHARS;
  if (chars !== '') {
    nextChar = compiled.nextChar;
    for (let index = 0; index < charList.length; index += 1) nextChar[index] = text.indexOf(charList[index] ?? '', from);
  }
  let word = firstAtOrAfter(starts, from);
  for (;;) {
    while (word < starts.count) {
      const want = wanted[starts.keys[word] ?? 0] ?? 0;
      if (want === 1) break;
      if (want > 1) {
        // Such a key came from words of four letters or digits, so its own three are letters or
        // digits: the fourth character is read from the text, only for these few words.
        const unit = keyUnit(text.charCodeAt((starts.positions[word] ?? 0) + 3));
        if ((((fourths[want * 2 + (unit >> 5)] ?? 0) >>> (unit & 31)) & 1) === 1) break;
      }
      word += 1;
    }
    let position = word < starts.count ? (starts.positions[word] ?? text.length) : text.length;
    let viaChar = false;
    for (const at of nextChar) {
      if (at !== -1 && at < position) {
        position = at;
        viaChar = true;
      }
    }
    if (position >= text.length) return null;
    sticky.lastIndex = position;
    const match = sticky.exec(text);
    if (match) return match;
    if (!viaChar) word += 1;
    // A start character tried here moves on to its next occurrence.
    else for (let index = 0; index < nextChar.length; index += 1) if (nextChar[index] === position) nextChar[index] = text.indexOf(chars.charAt(index), position + 1);
  }
}

const NO_CHARS: number[] = [];
const NO_FOURTHS = new Uint32Array(0);

/** Every match, as `text.matchAll(pattern)` gives them. */
export function* matchAllFrom(text: string, starts: WordStarts, compiled: WordStartPattern): Generator<RegExpExecArray> {
  let from = 0;
  for (let match = execFrom(text, starts, compiled, from); match; match = execFrom(text, starts, compiled, from)) {
    yield match;
    // An empty match moves on by one, as matchAll does.
    from = match.index + Math.max(1, match[0].length);
  }
}

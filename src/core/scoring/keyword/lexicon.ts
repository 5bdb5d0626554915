import { CHAIN_LINKS, CLAUSE_MAKERS, FUNCTION_WORDS, GRADER_CUES, HEDGE_WORDS, KEPT_FUNCTION_WORDS, LIST_JOINERS, NEGATIONS, REASONING_WORDS } from './function-words.ts';
import { SENTENCE_RULE_WORDS } from './negation-rule-words.ts';
import { NEGATION_CUE_WORDS } from './negation-words.ts';
import { normalizeWord, stemWord } from './normalize.ts';
import { SYNONYM_GROUPS } from './synonyms.ts';

/*
 * Everything the scorer needs to know about a normalised word, computed once per distinct
 * word and shared: answers reuse a small vocabulary, so after warm-up a token costs one
 * lookup instead of a stemmer run and four set lookups. Sharing one string per word also
 * means V8 hashes it once, which makes every later Map/Set lookup on it cheap.
 */

/** Word-class bits (see function-words.ts). */
export const WORD_FUNCTION = 1;
export const WORD_REASONING = 2;
export const WORD_LIST_JOINER = 4;
export const WORD_GRADER_CUE = 8;
/** The word can start a synonym (see synonyms.ts); only those tokens try the synonym trie. */
export const WORD_SYNONYM_START = 16;
/** A function word that is still a term (see KEPT_FUNCTION_WORDS). */
export const WORD_KEPT = 32;
/** The word can start a rejection ("not", "avoid", "instead", "overkill"; see negation.ts). */
export const WORD_NEGATION_CUE = 64;

/** A preposition or conjunction that can chain keywords ("with", "for", "to"). */
export const WORD_CHAIN_LINK = 128;
/** A word that makes a clause (pronoun, auxiliary, subordinator; see CLAUSE_MAKERS). */
export const WORD_CLAUSE_MAKER = 256;
/** "with" / "via" / "also" / "then": chain bare list items ("tail sampling with span links via otel"). */
export const WORD_BARE_LINK = 512;
/** A hedge word ("maybe", "might"; HEDGE_WORDS) or "some" ("at some point"): hedges.ts reads one bit per token instead of a set lookup. */
export const WORD_HEDGE = 1024;
/** A word a sentence-level rejection rule can start from (negation-rule-words.ts): the rest cost those rules one bit test. */
export const WORD_SENTENCE_RULE = 2048;

/** Every way of saying "not" is the term "not". */
export const NOT_TERM = 'not';

// Synonym entries are plain ASCII words split by spaces, hyphens, dots or slashes, so their
// first word is simply the text up to the first such separator.
const SYNONYM_STARTS: ReadonlySet<string> = new Set(
  SYNONYM_GROUPS.flat().map((entry) => stemWord(normalizeWord(entry.split(/[^\p{L}\p{N}]+/u)[0] ?? ''))),
);

export interface WordInfo {
  norm: string;
  stem: string;
  /** WORD_* bits. */
  classes: number;
  /** The first three letters as a number (see prefixCode), or -1: a cheap pre-filter for regexes. */
  prefix: number;
  /**
   * Memo for terms.ts, which looks every answer word up in the scored rubric's tables: the
   * compound table (and whether this word can start a compound there) and the term-id table
   * (and this word's stem's id there) it last used. Rubric tables never change once compiled,
   * so a word met again under the same rubric costs a field read instead of a Map lookup.
   */
  compoundTable: ReadonlyMap<string, unknown> | undefined;
  startsCompound: boolean;
  termTable: ReadonlyMap<string, number> | undefined;
  termId: number;
  /**
   * The same for misconceptions.ts: the table of pattern literals it last looked this word up
   * in, and the ids of the literals there that the word starts with.
   */
  literalTable: object | undefined;
  literalIds: readonly number[];
  /** The same for terms.ts's kept function words: the set it last asked, and whether this word's stem is in it. */
  keepTable: ReadonlySet<string> | undefined;
  kept: boolean;
}

const NO_LITERAL_IDS: readonly number[] = Object.freeze([]);

/** "sam" -> a number below 26^3, or -1 unless the text starts with three ASCII letters. */
export function prefixCode(text: string): number {
  let code = 0;
  for (let index = 0; index < 3; index += 1) {
    const letter = text.charCodeAt(index) - 97;
    if (!(letter >= 0 && letter < 26)) return -1;
    code = code * 26 + letter;
  }
  return code;
}

export const PREFIX_CODES = 26 * 26 * 26;

// Bounded so a stream of unusual answers cannot grow it without limit.
const CACHE_LIMIT = 50_000;
const byNorm = new Map<string, WordInfo>();

export function describeWord(norm: string): WordInfo {
  const cached = byNorm.get(norm);
  if (cached !== undefined) return cached;
  const stem = NEGATIONS.has(norm) ? NOT_TERM : stemWord(norm);
  const info: WordInfo = {
    norm,
    stem,
    classes:
      (FUNCTION_WORDS.has(norm) ? WORD_FUNCTION : 0) |
      (REASONING_WORDS.has(norm) ? WORD_REASONING : 0) |
      (LIST_JOINERS.has(norm) ? WORD_LIST_JOINER : 0) |
      (GRADER_CUES.has(norm) ? WORD_GRADER_CUE : 0) |
      (SYNONYM_STARTS.has(stem) ? WORD_SYNONYM_START : 0) |
      (KEPT_FUNCTION_WORDS.has(norm) ? WORD_KEPT : 0) |
      (NEGATION_CUE_WORDS.has(norm) ? WORD_NEGATION_CUE : 0) |
      (CHAIN_LINKS.has(norm) ? WORD_CHAIN_LINK : 0) |
      (CLAUSE_MAKERS.has(norm) ? WORD_CLAUSE_MAKER : 0) |
      (norm === 'with' || norm === 'via' || norm === 'also' || norm === 'then' ? WORD_BARE_LINK : 0) |
      (HEDGE_WORDS.has(norm) || norm === 'some' ? WORD_HEDGE : 0) |
      (SENTENCE_RULE_WORDS.has(norm) ? WORD_SENTENCE_RULE : 0),
    prefix: prefixCode(norm),
    compoundTable: undefined,
    startsCompound: false,
    termTable: undefined,
    termId: -1,
    literalTable: undefined,
    literalIds: NO_LITERAL_IDS,
    keepTable: undefined,
    kept: false,
  };
  if (norm.length > MAX_TABLE_WORD_LENGTH) return info;
  if (byNorm.size >= CACHE_LIMIT) byNorm.clear();
  byNorm.set(norm, info);
  return info;
}

/*
 * The tokenizer's fast path: a plain ASCII word is looked up straight from the answer's code
 * units, by a hash the tokenizer computes as it scans (FNV-1a over the lower-cased units), so
 * the common token allocates no string at all. Open addressing with linear probing; each slot
 * keeps its word's lower-cased units in a shared pool, so confirming a hit compares typed
 * arrays instead of strings. Everything is cleared when the slots are half used or the pool
 * is full.
 */
export const HASH_SEED = 0x811c9dc5;
export const HASH_PRIME = 0x01000193;
/** Longer words skip the table (and every cache): they are rare, and caching them would let
 * odd input hold large strings in memory. */
export const MAX_TABLE_WORD_LENGTH = 40;

const SLOTS = 1 << 16;
const POOL_UNITS = SLOTS * 8;
const slotHashes = new Int32Array(SLOTS);
const slotOffsets = new Int32Array(SLOTS);
const slotLengths = new Int32Array(SLOTS);
const slotWords: (WordInfo | undefined)[] = new Array<WordInfo | undefined>(SLOTS).fill(undefined);
const pool = new Uint16Array(POOL_UNITS);
let slotsUsed = 0;
let poolUsed = 0;

function lowerAscii(unit: number): number {
  return unit >= 65 && unit <= 90 ? unit + 32 : unit;
}

function spells(units: Uint16Array, start: number, offset: number, length: number): boolean {
  for (let index = 0; index < length; index += 1) {
    if (lowerAscii(units[start + index] ?? 0) !== pool[offset + index]) return false;
  }
  return true;
}

/**
 * The word spelled by text[start, end), an ASCII letter/digit run whose lower-cased hash is
 * `hash`; `units` holds the text's UTF-16 code units.
 */
export function asciiWordAt(text: string, units: Uint16Array, start: number, end: number, hash: number): WordInfo {
  const length = end - start;
  if (length > MAX_TABLE_WORD_LENGTH) return describeWord(text.slice(start, end).toLowerCase());
  let slot = hash & (SLOTS - 1);
  for (;;) {
    const word = slotWords[slot];
    if (word === undefined) break;
    if (slotHashes[slot] === hash && slotLengths[slot] === length && spells(units, start, slotOffsets[slot] ?? 0, length)) return word;
    slot = (slot + 1) & (SLOTS - 1);
  }
  const info = describeWord(text.slice(start, end).toLowerCase());
  if (slotsUsed >= SLOTS / 2 || poolUsed + length > POOL_UNITS) {
    slotWords.fill(undefined);
    slotsUsed = 0;
    poolUsed = 0;
    slot = hash & (SLOTS - 1);
  }
  for (let index = 0; index < length; index += 1) pool[poolUsed + index] = lowerAscii(units[start + index] ?? 0);
  slotWords[slot] = info;
  slotHashes[slot] = hash;
  slotOffsets[slot] = poolUsed;
  slotLengths[slot] = length;
  slotsUsed += 1;
  poolUsed += length;
  return info;
}

import type { ReusedInt32 } from '../reused-arrays.ts';
import { WORD_FUNCTION, WORD_KEPT, WORD_SYNONYM_START, type WordInfo } from './lexicon.ts';
import { SYNONYM_GROUPS } from './synonyms.ts';
import { GAP_HYPHEN, GAP_SPACE, tokenize, type Tokens } from './tokenize.ts';

/*
 * Turns tokens into the canonical "terms" that evidence phrases are matched on:
 * - synonyms are rewritten to their group's canonical form ("opentelemetry" -> "otel",
 *   "99th percentile" -> "p99");
 * - a spaced or hyphenated compound joins up when the rubric spells it as one word
 *   ("back-pressure" -> "backpressure");
 * - function words are dropped, unless hyphenated into a compound ("fan-in"), or they change
 *   the meaning (negators and qualifiers such as "not", "per", "instead": KEPT_FUNCTION_WORDS),
 *   or a concept rule asks for them ("once", "after": `alsoKeep`).
 * Rubric phrases and answers go through the same walk (forEachTerm), so both sides agree.
 */

/** A short text's terms, with the token range behind each. */
export interface TermStream {
  terms: string[];
  /** Index of the first token behind each term. */
  firstToken: number[];
  /** Index of the last token behind each term (inclusive). */
  lastToken: number[];
}

/**
 * Words the rubric writes as one token, by how a split spelling would start: first word
 * (normalised) -> stem of the second word -> stem of the whole word. "backpressure" is
 * filed under "back" -> "pressur" -> "backpressur", so "back-pressures" finds it with two
 * lookups and no string building.
 */
export type CompoundWords = ReadonlyMap<string, ReadonlyMap<string, string>>;

interface TrieNode {
  next: Map<string, TrieNode>;
  canonical?: string[];
}

function buildSynonymTrie(): TrieNode {
  const root: TrieNode = { next: new Map() };
  for (const group of SYNONYM_GROUPS) {
    const [canonicalText] = group;
    if (canonicalText === undefined) continue;
    const canonical = tokenize(canonicalText).words.map((word) => word.stem);
    for (const variant of group) {
      let node = root;
      for (const { stem } of tokenize(variant).words) {
        let child = node.next.get(stem);
        if (!child) {
          child = { next: new Map() };
          node.next.set(stem, child);
        }
        node = child;
      }
      node.canonical = canonical;
    }
  }
  return root;
}

const SYNONYMS = buildSynonymTrie();

/** matchSynonym's result, valid until its next call: a record per synonym was garbage on every score. */
const SYNONYM_MATCH: { canonical: string[]; length: number } = { canonical: [], length: 0 };

/** Longest synonym starting at token `start`: its canonical terms and how many tokens it spans. */
function matchSynonym(tokens: Tokens, start: number): { canonical: string[]; length: number } | undefined {
  let node = SYNONYMS.next.get(tokens.words[start]?.stem ?? '');
  let best: { canonical: string[]; length: number } | undefined;
  let index = start;
  while (node) {
    if (node.canonical) {
      best = SYNONYM_MATCH;
      best.canonical = node.canonical;
      best.length = index - start + 1;
    }
    index += 1;
    if (index >= tokens.count) break;
    node = node.next.get(tokens.words[index]?.stem ?? '');
  }
  return best;
}

/** True when token `index` is joined to a neighbour by a hyphen ("fan-in", "on-call"). */
function hyphenated(tokens: Tokens, index: number): boolean {
  return tokens.gaps[index] === GAP_HYPHEN || (index + 1 < tokens.count && tokens.gaps[index + 1] === GAP_HYPHEN);
}

/** compounds.has(word.norm), remembered on the word for the table last asked (see WordInfo). */
function startsCompound(word: WordInfo, compounds: CompoundWords): boolean {
  if (word.compoundTable !== compounds) {
    word.startsCompound = compounds.has(word.norm);
    word.compoundTable = compounds;
  }
  return word.startsCompound;
}

/**
 * Calls `visit` with each term of the tokens, in order, and the token range behind it; and,
 * when the term is a single word's stem, that word.
 */
export function forEachTerm(
  tokens: Tokens,
  compounds: CompoundWords | undefined,
  visit: (term: string, firstToken: number, lastToken: number, word?: WordInfo) => void,
  alsoKeep?: ReadonlySet<string> | 'all',
): void {
  let index = 0;
  while (index < tokens.count) {
    const word = tokens.words[index];
    if (!word) break;
    const synonym = word.classes & WORD_SYNONYM_START ? matchSynonym(tokens, index) : undefined;
    if (synonym) {
      const last = index + synonym.length - 1;
      for (const term of synonym.canonical) visit(term, index, last);
      index += synonym.length;
      continue;
    }
    const gapAfter = index + 1 < tokens.count ? (tokens.gaps[index + 1] ?? 0) : 0;
    const isFunctionWord = (word.classes & WORD_FUNCTION) !== 0;
    // Function words never start a rubric compound worth joining, and skipping them halves the lookups.
    if (!isFunctionWord && (gapAfter === GAP_SPACE || gapAfter === GAP_HYPHEN) && compounds !== undefined && startsCompound(word, compounds)) {
      const joined = compounds.get(word.norm)?.get(tokens.words[index + 1]?.stem ?? '');
      if (joined !== undefined) {
        visit(joined, index, index + 1);
        index += 2;
        continue;
      }
    }
    if (!isFunctionWord || (word.classes & WORD_KEPT) !== 0 || hyphenated(tokens, index) || (alsoKeep !== undefined && (alsoKeep === 'all' || keptBy(word, alsoKeep)))) {
      visit(word.stem, index, index, word);
    }
    index += 1;
  }
}

/** The terms of a short text such as an evidence phrase. */
export function toTerms(tokens: Tokens, compounds?: CompoundWords, alsoKeep?: ReadonlySet<string> | 'all'): TermStream {
  const stream: TermStream = { terms: [], firstToken: [], lastToken: [] };
  forEachTerm(tokens, compounds, (term, first, last) => {
    stream.terms.push(term);
    stream.firstToken.push(first);
    stream.lastToken.push(last);
  }, alsoKeep);
  return stream;
}

/**
 * An answer's terms, kept only as what matching needs: each term's rubric term id (-1 for a
 * term no phrase uses) and its token range. Typed arrays sized up front, because a long
 * answer has thousands of terms and this runs on every score.
 */
export interface AnswerTerms {
  count: number;
  ids: Int32Array;
  firstToken: Int32Array;
  lastToken: Int32Array;
}

/** Arrays for answerTerms to fill instead of fresh ones (see reused-arrays.ts). */
export interface TermArrays {
  ids: ReusedInt32;
  firstToken: ReusedInt32;
  lastToken: ReusedInt32;
}

export function answerTerms(
  tokens: Tokens,
  compounds: CompoundWords,
  termIds: ReadonlyMap<string, number>,
  alsoKeep?: ReadonlySet<string>,
  reuse?: TermArrays,
): AnswerTerms {
  // A synonym never has more terms than words, but stay safe if a table entry ever does.
  const capacity = tokens.count + 4;
  const terms: AnswerTerms = {
    count: 0,
    ids: reuse ? reuse.ids.take(capacity) : new Int32Array(capacity),
    firstToken: reuse ? reuse.firstToken.take(capacity) : new Int32Array(capacity),
    lastToken: reuse ? reuse.lastToken.take(capacity) : new Int32Array(capacity),
  };
  forEachTerm(tokens, compounds, (term, first, last, word) => {
    if (terms.count === terms.ids.length) grow(terms);
    terms.ids[terms.count] = word === undefined ? (termIds.get(term) ?? -1) : termIdOf(word, termIds);
    terms.firstToken[terms.count] = first;
    terms.lastToken[terms.count] = last;
    terms.count += 1;
  }, alsoKeep);
  return terms;
}

/** alsoKeep.has(word.stem), remembered on the word for the set last asked (see WordInfo): every function word of an answer asks. */
function keptBy(word: WordInfo, alsoKeep: ReadonlySet<string>): boolean {
  if (word.keepTable !== alsoKeep) {
    word.kept = alsoKeep.has(word.stem);
    word.keepTable = alsoKeep;
  }
  return word.kept;
}

/** termIds.get(word.stem) ?? -1, remembered on the word for the table last asked (see WordInfo). */
function termIdOf(word: WordInfo, termIds: ReadonlyMap<string, number>): number {
  if (word.termTable !== termIds) {
    word.termId = termIds.get(word.stem) ?? -1;
    word.termTable = termIds;
  }
  return word.termId;
}

function grow(terms: AnswerTerms): void {
  const capacity = terms.ids.length * 2;
  for (const field of ['ids', 'firstToken', 'lastToken'] as const) {
    const bigger = new Int32Array(capacity);
    bigger.set(terms[field]);
    terms[field] = bigger;
  }
}

/**
 * Token `token` lies inside one of `pairs`' [first, last] term ranges (a concept rule's matched
 * parts): the rule's own words, such as a negator the rule spells out ("compared against").
 */
export function tokenInTermPairs(terms: AnswerTerms, pairs: readonly number[], token: number): boolean {
  for (let pair = 0; pair * 2 < pairs.length; pair += 1) {
    const first = terms.firstToken[pairs[pair * 2] ?? 0] ?? -1;
    const last = terms.lastToken[pairs[pair * 2 + 1] ?? 0] ?? -1;
    if (token >= first && token <= last) return true;
  }
  return false;
}

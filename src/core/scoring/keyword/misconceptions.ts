import type { Question } from '../../content/schema.ts';
import { ReusedUint8 } from '../reused-arrays.ts';
import type { MisconceptionFinding } from '../types.ts';
import type { TextReader } from './answer-text.ts';
import { collapseWhitespace } from './collapse-whitespace.ts';
import { isRegexSpace, type Segment, type Segmentation } from './sentences.ts';
import { PREFIX_CODES, prefixCode } from './lexicon.ts';
import { requiredWordStarts } from './regex-literals.ts';
import type { Tokens } from './tokenize.ts';

/*
 * Spots the question's misconceptions (content `misconceptions:`) in an answer. Each pattern
 * is a case-insensitive regular expression tried on each sentence of the answer, with runs of
 * whitespace collapsed to one space. A sentence that states a misconception can't be evidence
 * for the points it contradicts, and every distinct misconception stated costs a fixed share of
 * the score (MISCONCEPTION_PENALTY, see docs/scoring.md). A match that the sentence itself
 * rejects ("we would never average the pods' p99s") states the opposite and does not count;
 * a negator inside the matched text is the pattern's own ("no need for an error budget").
 */

/** Score points (of 100) taken off for each distinct misconception the answer states. */
export const MISCONCEPTION_PENALTY = 15;

const MAX_QUOTE_CHARS = 200;

interface CompiledPattern {
  /**
   * Literal ids (see WordStartTable) the pattern needs, as groups: a sentence can only match
   * when, for every group, it has a word starting with one of the group's literals. Empty:
   * no such promise, the pattern is tried on every sentence.
   */
  groups: Int32Array[];
  /** The pattern spells a negation itself ("storage is not a concern"): a negator inside a match is its own. */
  negatesItself: boolean;
  /** Tried on one sentence at a time. */
  confirm: RegExp;
}

interface CompiledMisconception {
  id: string;
  claim: string;
  correction: string;
  contradicts: readonly string[];
  patterns: CompiledPattern[];
}

/** A question's pattern literals, looked up by a word's first three letters (lexicon.ts prefixCode). */
interface WordStartTable {
  literals: string[];
  /** Prefix code -> ids of the literals starting with those letters. */
  byPrefix: Map<number, number[]>;
  /** 1 where byPrefix has an entry: one typed-array read per answer word. */
  wanted: Uint8Array;
}

interface CompiledQuestion {
  misconceptions: CompiledMisconception[];
  table: WordStartTable;
}

/**
 * A leading negative lookbehind ("(?<!\\bnot\\b.{0,20})claim") repeats what the scorer already
 * does (a claim the sentence rejects never counts) and is tried at every position of the
 * answer, which made single patterns cost tens of milliseconds. It is dropped at compile time.
 */
export function withoutLeadingLookbehind(pattern: string): string {
  let rest = pattern;
  while (rest.startsWith('(?<!')) {
    let depth = 0;
    let end = -1;
    for (let index = 0; index < rest.length; index += 1) {
      const char = rest.charAt(index);
      if (char === '\\') {
        index += 1;
        continue;
      }
      if (char === '[') {
        // Skip a character class: brackets inside it are literal.
        const close = rest.indexOf(']', index + 2);
        if (close === -1) return pattern;
        index = close;
        continue;
      }
      if (char === '(') depth += 1;
      else if (char === ')') {
        depth -= 1;
        if (depth === 0) {
          end = index;
          break;
        }
      }
    }
    if (end === -1) return pattern;
    rest = rest.slice(end + 1);
  }
  return rest === '' ? pattern : rest;
}

/**
 * Compiles with "i" only when the pattern allows it: V8 matches case-insensitively about ten
 * times faster without the "u" flag. Patterns that need "u" (\\p{...}) keep it, and get no
 * pre-filter (regex-literals.ts reads patterns as "i" without "u" reads them).
 */
function compilePattern(source: string, literalId: (literal: string) => number): CompiledPattern | undefined {
  const stripped = withoutLeadingLookbehind(source);
  for (const flags of ['i', 'iu']) {
    try {
      const confirm = new RegExp(stripped, flags);
      const groups = flags === 'i' ? requiredWordStarts(stripped).map((group) => Int32Array.from(group, literalId)) : [];
      return { negatesItself: NEGATION_IN_PATTERN.test(stripped), confirm, groups };
    } catch {
      // Try the next flags.
    }
  }
  return undefined;
}

const NEGATION_IN_PATTERN = /\b(?:not|never|no|nor|without|cannot|isn|aren|don|doesn|won|wouldn|shouldn|can)\b|n\[?['’]|n't/i;

const cache = new WeakMap<Question, CompiledQuestion>();

function compile(question: Question): CompiledQuestion {
  const literals: string[] = [];
  const ids = new Map<string, number>();
  const literalId = (literal: string): number => {
    let id = ids.get(literal);
    if (id === undefined) {
      id = literals.length;
      literals.push(literal);
      ids.set(literal, id);
    }
    return id;
  };
  const misconceptions: CompiledMisconception[] = [];
  for (const misconception of question.misconceptions) {
    const patterns: CompiledPattern[] = [];
    for (const pattern of misconception.patterns) {
      // The schema rejects invalid patterns; a question built another way just loses this one.
      const compiled = compilePattern(pattern, literalId);
      if (compiled) patterns.push(compiled);
    }
    if (patterns.length > 0) {
      misconceptions.push({ id: misconception.id, claim: misconception.claim, correction: misconception.correction, contradicts: misconception.contradicts, patterns });
    }
  }
  const byPrefix = new Map<number, number[]>();
  const wanted = new Uint8Array(PREFIX_CODES);
  literals.forEach((literal, id) => {
    const code = prefixCode(literal);
    byPrefix.set(code, [...(byPrefix.get(code) ?? []), id]);
    wanted[code] = 1;
  });
  return { misconceptions, table: { literals, byPrefix, wanted } };
}

function compiledFor(question: Question): CompiledQuestion {
  let compiled = cache.get(question);
  if (!compiled) {
    compiled = compile(question);
    cache.set(question, compiled);
  }
  return compiled;
}

export interface MisconceptionHits {
  findings: MisconceptionFinding[];
  /** Segment index -> rubric point ids that segment may not evidence. */
  blocked: Map<number, Set<string>>;
}

function quoteOf(text: TextReader, start: number, end: number): string {
  const sentence = text.slice(start, end).trim();
  if (sentence.length <= MAX_QUOTE_CHARS) return sentence;
  // Cut, never rewritten: the quote stays a verbatim piece of the answer.
  return sentence.slice(0, MAX_QUOTE_CHARS).trimEnd();
}

const MULTI_SPACE = /\s\s|[^\S ]/;

/** Offsets in `sentence` (whitespace collapsed) back to offsets in the answer. */
function originalOffset(text: TextReader, segment: Segment, collapsedOffset: number): number {
  // Most sentences have single spaces only: then the offsets are the same.
  if (!MULTI_SPACE.test(text.slice(segment.start, segment.end))) return segment.start + collapsedOffset;
  let collapsed = 0;
  let index = segment.start;
  let inSpace = false;
  while (index < segment.end && collapsed < collapsedOffset) {
    const space = isRegexSpace(text.charCodeAt(index));
    if (!space || !inSpace) collapsed += 1;
    inSpace = space;
    index += 1;
  }
  return index;
}

/**
 * Whether a word of the match is rejected: by a cue before the match ("we never average p99s"),
 * by a verdict after it ("averaging p99s is wrong"), or by one inside it ("head sampling does
 * not keep every error") unless the pattern spells that negation itself.
 */
function matchRejected(text: TextReader, tokens: Tokens, rejections: Int32Array, segment: Segment, match: RegExpExecArray, innerCuesCount: boolean): boolean {
  const start = originalOffset(text, segment, match.index);
  const end = originalOffset(text, segment, match.index + match[0].length);
  for (let token = segment.firstToken; token < segment.endToken; token += 1) {
    const tokenStart = tokens.starts[token] ?? 0;
    if (tokenStart < start) continue;
    if (tokenStart >= end) break;
    const cue = (rejections[token] ?? 0) - 1;
    // A cue after the match is a verdict on the claim ("grouping by raw message text doesn't
    // work"), never a negation the pattern spells itself.
    const cueStart = tokens.starts[cue] ?? 0;
    if (cue >= 0 && (cueStart < start || cueStart >= end || innerCuesCount)) return true;
  }
  return false;
}

/** The ids of the literals that `word` (with prefix code `code`) starts with. */
function literalIdsOf(table: WordStartTable, word: string, code: number): readonly number[] {
  const ids = table.byPrefix.get(code);
  if (!ids) return NO_IDS;
  const starting = ids.filter((id) => {
    const literal = table.literals[id];
    return literal !== undefined && word.startsWith(literal);
  });
  return starting.length > 0 ? starting : NO_IDS;
}

const NO_IDS: readonly number[] = Object.freeze([]);

/** Marks literal ids that `word` starts with, for `segment`, in `present` (literal-major rows), and in `anywhere`. */
function markWord(table: WordStartTable, word: string, code: number, segment: number, segments: number, present: Uint8Array, anywhere: Uint8Array): void {
  const ids = table.byPrefix.get(code);
  if (!ids) return;
  for (const id of ids) {
    const literal = table.literals[id];
    if (literal !== undefined && word.startsWith(literal)) {
      present[id * segments + segment] = 1;
      anywhere[id] = 1;
    }
  }
}

const ASCII_RUN = /[A-Za-z0-9]+/g;

/** literalsBySegment's tables: findMisconceptions is synchronous and done with them when it returns.
 * ANYWHERE[literal] is 1 when the literal starts a word of some sentence. */
const PRESENT = new ReusedUint8();
const ANYWHERE = new ReusedUint8();

/**
 * Which literals start a word of which segment: `present[literal * segments + segment]`.
 * A regex word starts at a token's start, or inside an irregular token after a character that
 * is not an ASCII letter or digit ("l’sampl", "éspan"): those tokens are read from the text.
 */
function literalsBySegment(table: WordStartTable, text: TextReader, tokens: Tokens, segmentation: Segmentation): { present: Uint8Array; anywhere: Uint8Array } {
  const segments = segmentation.segments.length;
  // literals × sentences: tens of kilobytes for a long list, reused rather than allocated per score.
  const present = PRESENT.take(table.literals.length * segments);
  const anywhere = ANYWHERE.take(table.literals.length);
  const { words } = tokens;
  for (let token = 0; token < tokens.count; token += 1) {
    const word = words[token];
    if (word === undefined || word.prefix < 0 || table.wanted[word.prefix] !== 1) continue;
    // Which literals a word starts with is looked up once per word and table (the memo in
    // WordInfo), not once per token: a long answer repeats its words many times.
    if (word.literalTable !== table) {
      word.literalIds = literalIdsOf(table, word.norm, word.prefix);
      word.literalTable = table;
    }
    const ids = word.literalIds;
    if (ids.length === 0) continue;
    const segment = segmentation.segmentOfToken[token] ?? 0;
    for (let at = 0; at < ids.length; at += 1) {
      const id = ids[at] ?? 0;
      present[id * segments + segment] = 1;
      anywhere[id] = 1;
    }
  }
  for (const token of tokens.irregular) {
    const raw = text.slice(tokens.starts[token] ?? 0, tokens.ends[token] ?? 0);
    const segment = segmentation.segmentOfToken[token] ?? 0;
    ASCII_RUN.lastIndex = 0;
    let run: RegExpExecArray | null;
    while ((run = ASCII_RUN.exec(raw)) !== null) {
      const lower = run[0].toLowerCase();
      const code = prefixCode(lower);
      if (code >= 0 && table.wanted[code] === 1) markWord(table, lower, code, segment, segments, present, anywhere);
    }
  }
  return { present, anywhere };
}

/** Whether every group has a literal that starts a word somewhere in the answer: else groupsMet fails in every sentence. */
function groupsMetAnywhere(groups: readonly Int32Array[], anywhere: Uint8Array): boolean {
  for (const group of groups) {
    let met = false;
    for (let index = 0; index < group.length && !met; index += 1) met = anywhere[group[index] ?? 0] === 1;
    if (!met) return false;
  }
  return true;
}

function groupsMet(groups: readonly Int32Array[], present: Uint8Array, segments: number, segment: number): boolean {
  for (const group of groups) {
    let met = false;
    for (let index = 0; index < group.length && !met; index += 1) met = present[(group[index] ?? 0) * segments + segment] === 1;
    if (!met) return false;
  }
  return true;
}

/**
 * Finds misconceptions sentence by sentence. `text` is the answer as scored (grader-addressed
 * parts blanked), so a misconception inside a flagged passage is not reported; `rejections`
 * comes from negation.ts. A pattern is only run on sentences that hold the words it needs
 * (regex-literals.ts), so on most answers no regex runs at all.
 */
export function findMisconceptions(question: Question, text: TextReader, tokens: Tokens, segmentation: Segmentation, rejections: Int32Array): MisconceptionHits {
  const { misconceptions: compiled, table } = compiledFor(question);
  const findings: MisconceptionFinding[] = [];
  const blocked = new Map<number, Set<string>>();
  if (compiled.length === 0) return { findings, blocked };

  const segmentCount = segmentation.segments.length;
  const { present, anywhere } = literalsBySegment(table, text, tokens, segmentation);
  // Each sentence as the patterns read it (runs of whitespace collapsed), built when first needed.
  const sentences = SENTENCES;
  while (sentences.length < segmentCount) sentences.push(undefined);
  // Empty even if an earlier call threw before emptying it.
  sentences.fill(undefined, 0, segmentCount);
  const sentenceOf = (segment: Segment, segmentIndex: number): string => {
    let sentence = sentences[segmentIndex];
    if (sentence === undefined) {
      const raw = text.slice(segment.start, segment.end);
      sentence = MULTI_SPACE.test(raw) ? collapseWhitespace(raw) : raw;
      sentences[segmentIndex] = sentence;
    }
    return sentence;
  };

  // Misconception index -> the segments that state it.
  // Made when a misconception is first found: most are stated nowhere, and a set each was garbage.
  const stated: (Set<number> | undefined)[] = [];
  compiled.forEach((misconception, index) => {
    for (const pattern of misconception.patterns) {
      // Most patterns lack a word everywhere: one check instead of one per sentence.
      if (!groupsMetAnywhere(pattern.groups, anywhere)) continue;
      // Each sentence on its own, as docs/scoring.md says: "^" anchors at a sentence's start.
      for (let segmentIndex = 0; segmentIndex < segmentCount; segmentIndex += 1) {
        if (!groupsMet(pattern.groups, present, segmentCount, segmentIndex) || stated[index]?.has(segmentIndex)) continue;
        const segment = segmentation.segments[segmentIndex];
        if (!segment) continue;
        const confirmed = pattern.confirm.exec(sentenceOf(segment, segmentIndex));
        if (confirmed && !matchRejected(text, tokens, rejections, segment, confirmed, !pattern.negatesItself)) {
          const segments = stated[index] ?? new Set<number>();
          segments.add(segmentIndex);
          stated[index] = segments;
        }
      }
    }
  });

  const firstSegment = (segments: Set<number>): number => Math.min(...segments);
  const order = compiled.map((_, index) => index).filter((index) => (stated[index]?.size ?? 0) > 0);
  order.sort((a, b) => firstSegment(stated[a] ?? new Set()) - firstSegment(stated[b] ?? new Set()));
  for (const index of order) {
    const misconception = compiled[index];
    const segments = stated[index];
    if (!misconception || !segments) continue;
    for (const segmentIndex of segments) {
      if (misconception.contradicts.length === 0) break;
      const ids = blocked.get(segmentIndex) ?? new Set<string>();
      for (const id of misconception.contradicts) ids.add(id);
      blocked.set(segmentIndex, ids);
    }
    const segment = segmentation.segments[firstSegment(segments)];
    if (segment) findings.push({ id: misconception.id, quote: quoteOf(text, segment.start, segment.end), claim: misconception.claim, correction: misconception.correction });
  }
  // Emptied for the next score (and so no answer's text stays referenced once it is scored).
  sentences.fill(undefined, 0, segmentCount);
  return { findings, blocked };
}

/**
 * findMisconceptions' sentences as the patterns read them, by segment: one list for every score
 * (it is synchronous, and empties the list before it returns). Made per score and filled out of
 * order, the list kept reallocating as it grew.
 */
const SENTENCES: (string | undefined)[] = [];

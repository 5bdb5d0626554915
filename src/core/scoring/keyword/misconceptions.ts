import type { Question } from '../../content/schema.ts';
import type { MisconceptionFinding } from '../types.ts';
import type { Segment, Segmentation } from './sentences.ts';
import { PREFIX_CODES, prefixCode } from './lexicon.ts';
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
   * Prefix codes (lexicon.ts) of the words the pattern must start with, when it starts with a
   * word boundary and plain words ("\\b(?:page|wake)..."): an answer without a word starting
   * like one of them can't match, and the regex is not run. Undefined: always run.
   */
  starts?: number[];
  /** The pattern spells a negation itself ("storage is not a concern"): a negator inside a match is its own. */
  negatesItself: boolean;
  /** Global, to scan the whole answer once. */
  scan: RegExp;
  /** The same pattern, to confirm a match inside its own sentence. */
  confirm: RegExp;
}

interface CompiledMisconception {
  id: string;
  claim: string;
  correction: string;
  contradicts: readonly string[];
  patterns: CompiledPattern[];
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
 * times faster without the "u" flag. Patterns that need "u" (\\p{...}) keep it.
 */
function compilePattern(source: string): CompiledPattern | undefined {
  const stripped = withoutLeadingLookbehind(source);
  const starts = leadingWords(stripped);
  for (const flags of ['i', 'iu']) {
    try {
      const compiled: CompiledPattern = {
        negatesItself: NEGATION_IN_PATTERN.test(stripped),
        scan: new RegExp(stripped, `g${flags}`),
        confirm: new RegExp(stripped, flags),
      };
      if (starts) compiled.starts = starts;
      return compiled;
    } catch {
      // Try the next flags.
    }
  }
  return undefined;
}

const NEGATION_IN_PATTERN = /\b(?:not|never|no|nor|without|cannot|isn|aren|don|doesn|won|wouldn|shouldn|can)\b|n\[?['’]|n't/i;

/** The split of `group` at its top-level "|", or undefined if it is not balanced. */
function topLevelAlternatives(group: string): string[] | undefined {
  const alternatives: string[] = [];
  let depth = 0;
  let current = '';
  for (let index = 0; index < group.length; index += 1) {
    const char = group.charAt(index);
    if (char === '\\') {
      current += group.slice(index, index + 2);
      index += 1;
      continue;
    }
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (char === '|' && depth === 0) {
      alternatives.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  alternatives.push(current);
  return depth === 0 ? alternatives : undefined;
}

/** Prefix codes of the plain words a pattern starts with after "\\b", or undefined. */
export function leadingWords(source: string): number[] | undefined {
  if (!source.startsWith('\\b')) return undefined;
  let rest = source.slice(2);
  let alternatives: string[] | undefined = [rest];
  if (rest.startsWith('(?:') || (rest.startsWith('(') && !rest.startsWith('(?'))) {
    const open = rest.startsWith('(?:') ? 3 : 1;
    let depth = 0;
    let close = -1;
    for (let index = 0; index < rest.length; index += 1) {
      const char = rest.charAt(index);
      if (char === '\\') {
        index += 1;
        continue;
      }
      if (char === '(') depth += 1;
      if (char === ')' && --depth === 0) {
        close = index;
        break;
      }
    }
    // An optional group ("(?:the )?x") may be skipped: no safe prefix.
    if (close === -1 || /^[?*{]/.test(rest.charAt(close + 1))) return undefined;
    rest = rest.slice(open, close);
    alternatives = topLevelAlternatives(rest);
  }
  if (!alternatives) return undefined;
  const codes: number[] = [];
  for (const alternative of alternatives) {
    const letters = /^[a-z]{3}/i.exec(alternative)?.[0];
    // "p9\\d", "(?:x)?", "4[23]": no three plain letters to rely on.
    if (!letters || /^[a-z]{3}[?*]/i.test(alternative) || /^[a-z]{1,2}[?*{[(]/i.test(alternative)) return undefined;
    codes.push(prefixCode(letters.toLowerCase()));
  }
  return codes;
}

const cache = new WeakMap<Question, CompiledMisconception[]>();

function compile(question: Question): CompiledMisconception[] {
  const compiled: CompiledMisconception[] = [];
  for (const misconception of question.misconceptions) {
    const patterns: CompiledPattern[] = [];
    for (const pattern of misconception.patterns) {
      // The schema rejects invalid patterns; a question built another way just loses this one.
      const compiled = compilePattern(pattern);
      if (compiled) patterns.push(compiled);
    }
    if (patterns.length > 0) {
      compiled.push({ id: misconception.id, claim: misconception.claim, correction: misconception.correction, contradicts: misconception.contradicts, patterns });
    }
  }
  return compiled;
}

function compiledFor(question: Question): CompiledMisconception[] {
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

function quoteOf(text: string, start: number, end: number): string {
  const sentence = text.slice(start, end).trim();
  if (sentence.length <= MAX_QUOTE_CHARS) return sentence;
  // Cut, never rewritten: the quote stays a verbatim piece of the answer.
  return sentence.slice(0, MAX_QUOTE_CHARS).trimEnd();
}

const MULTI_SPACE = /\s\s|[^\S ]/;

/** Offsets in `sentence` (whitespace collapsed) back to offsets in the answer. */
function originalOffset(text: string, segment: Segment, collapsedOffset: number): number {
  // Most sentences have single spaces only: then the offsets are the same.
  if (!MULTI_SPACE.test(text.slice(segment.start, segment.end))) return segment.start + collapsedOffset;
  let collapsed = 0;
  let index = segment.start;
  let inSpace = false;
  while (index < segment.end && collapsed < collapsedOffset) {
    const space = /\s/.test(text.charAt(index));
    if (!space || !inSpace) collapsed += 1;
    inSpace = space;
    index += 1;
  }
  return index;
}

/**
 * Whether a word of the match is rejected: by a cue before the match ("we never average p99s"),
 * or by one inside it ("head sampling does not keep every error") unless the pattern spells
 * that negation itself.
 */
function matchRejected(text: string, tokens: Tokens, rejections: Int32Array, segment: Segment, match: RegExpExecArray, innerCuesCount: boolean): boolean {
  const start = originalOffset(text, segment, match.index);
  const end = originalOffset(text, segment, match.index + match[0].length);
  for (let token = segment.firstToken; token < segment.endToken; token += 1) {
    const tokenStart = tokens.starts[token] ?? 0;
    if (tokenStart < start) continue;
    if (tokenStart >= end) break;
    const cue = (rejections[token] ?? 0) - 1;
    if (cue >= 0 && ((tokens.starts[cue] ?? 0) < start || innerCuesCount)) return true;
  }
  return false;
}

const prefixes = new Uint8Array(PREFIX_CODES);
const wanted = new Uint8Array(PREFIX_CODES);

function segmentHasWanted(tokens: Tokens, segment: Segment): boolean {
  for (let index = segment.firstToken; index < segment.endToken; index += 1) {
    const code = tokens.words[index]?.prefix ?? -1;
    if (code >= 0 && wanted[code] === 1) return true;
  }
  return false;
}

/** Which three-letter word starts occur in the answer (shared buffer: valid until the next call). */
function prefixesIn(tokens: Tokens): Uint8Array {
  prefixes.fill(0);
  for (let index = 0; index < tokens.count; index += 1) {
    const code = tokens.words[index]?.prefix ?? -1;
    if (code >= 0) prefixes[code] = 1;
  }
  return prefixes;
}

/** The first segment whose collapsed text starts after `offset` in the joined text, minus one. */
function segmentAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((starts[mid] ?? 0) <= offset) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

/**
 * Finds misconceptions sentence by sentence. `text` is the answer as scored (grader-addressed
 * parts blanked), so a misconception inside a flagged passage is not reported; `rejections`
 * comes from negation.ts. Each pattern scans all sentences at once (joined by line breaks),
 * and every match is confirmed inside its own sentence, so no match spans two sentences.
 */
export function findMisconceptions(question: Question, text: string, tokens: Tokens, segmentation: Segmentation, rejections: Int32Array): MisconceptionHits {
  const compiled = compiledFor(question);
  const findings: MisconceptionFinding[] = [];
  const blocked = new Map<number, Set<string>>();
  if (compiled.length === 0) return { findings, blocked };

  const present = prefixesIn(tokens);
  const runnable = compiled.map((misconception) => misconception.patterns.filter((pattern) => !pattern.starts || pattern.starts.some((code) => present[code] === 1)));
  if (runnable.every((patterns) => patterns.length === 0)) return { findings, blocked };

  // Only sentences holding a word that some runnable pattern starts with can match (when every
  // runnable pattern has such words): the rest of the answer is never scanned.
  const everyHasStarts = runnable.every((patterns) => patterns.every((pattern) => pattern.starts !== undefined));
  if (everyHasStarts) {
    wanted.fill(0);
    for (const patterns of runnable) for (const pattern of patterns) for (const code of pattern.starts ?? []) wanted[code] = 1;
  }
  const included: number[] = [];
  const sentences: string[] = [];
  const starts: number[] = [];
  let offset = 0;
  segmentation.segments.forEach((segment, segmentIndex) => {
    if (everyHasStarts && !segmentHasWanted(tokens, segment)) return;
    const raw = text.slice(segment.start, segment.end);
    const sentence = MULTI_SPACE.test(raw) ? raw.replace(/\s+/g, ' ') : raw;
    included.push(segmentIndex);
    sentences.push(sentence);
    starts.push(offset);
    offset += sentence.length + 1;
  });
  const joined = sentences.join('\n');

  // Misconception index -> the segments that state it, in answer order.
  const stated = compiled.map(() => new Set<number>());
  runnable.forEach((patterns, index) => {
    for (const pattern of patterns) {
      pattern.scan.lastIndex = 0;
      let found: RegExpExecArray | null;
      while ((found = pattern.scan.exec(joined)) !== null) {
        if (found[0].length === 0) pattern.scan.lastIndex += 1;
        const position = segmentAt(starts, found.index);
        const segmentIndex = included[position] ?? -1;
        const segment = segmentation.segments[segmentIndex];
        const sentence = sentences[position] ?? '';
        if (!segment || stated[index]?.has(segmentIndex)) continue;
        const confirmed = pattern.confirm.exec(sentence);
        if (confirmed && !matchRejected(text, tokens, rejections, segment, confirmed, !pattern.negatesItself)) stated[index]?.add(segmentIndex);
        // Go on from the next sentence: one statement per sentence is enough.
        pattern.scan.lastIndex = Math.max(pattern.scan.lastIndex, (starts[position + 1] ?? joined.length));
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
  return { findings, blocked };
}

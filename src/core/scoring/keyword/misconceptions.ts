import type { Question } from '../../content/schema.ts';
import type { MisconceptionFinding } from '../types.ts';
import type { Segment, Segmentation } from './sentences.ts';
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

interface CompiledMisconception {
  id: string;
  claim: string;
  correction: string;
  contradicts: readonly string[];
  patterns: RegExp[];
}

const cache = new WeakMap<Question, CompiledMisconception[]>();

function compile(question: Question): CompiledMisconception[] {
  const compiled: CompiledMisconception[] = [];
  for (const misconception of question.misconceptions) {
    const patterns: RegExp[] = [];
    for (const pattern of misconception.patterns) {
      try {
        patterns.push(new RegExp(pattern, 'iu'));
      } catch {
        // The schema rejects invalid patterns; a question built another way just loses this one.
      }
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

/** Offsets in `sentence` (whitespace collapsed) back to offsets in the answer. */
function originalOffset(text: string, segment: Segment, collapsedOffset: number): number {
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

/** Whether a word of the match is rejected by a cue before the match ("never average p99s"). */
function matchRejected(text: string, tokens: Tokens, rejections: Int32Array, segment: Segment, match: RegExpExecArray): boolean {
  const start = originalOffset(text, segment, match.index);
  const end = originalOffset(text, segment, match.index + match[0].length);
  for (let token = segment.firstToken; token < segment.endToken; token += 1) {
    const tokenStart = tokens.starts[token] ?? 0;
    if (tokenStart < start) continue;
    if (tokenStart >= end) break;
    const cue = (rejections[token] ?? 0) - 1;
    if (cue >= 0 && (tokens.starts[cue] ?? 0) < start) return true;
  }
  return false;
}

/**
 * Finds misconceptions sentence by sentence. `text` is the answer as scored (grader-addressed
 * parts blanked), so a misconception inside a flagged passage is not reported; `rejections`
 * comes from negation.ts.
 */
export function findMisconceptions(question: Question, text: string, tokens: Tokens, segmentation: Segmentation, rejections: Int32Array): MisconceptionHits {
  const compiled = compiledFor(question);
  const findings: MisconceptionFinding[] = [];
  const blocked = new Map<number, Set<string>>();
  if (compiled.length === 0) return { findings, blocked };

  const found = new Set<string>();
  segmentation.segments.forEach((segment, segmentIndex) => {
    const sentence = text.slice(segment.start, segment.end).replace(/\s+/g, ' ');
    for (const misconception of compiled) {
      const stated = misconception.patterns.some((pattern) => {
        const match = pattern.exec(sentence);
        return match !== null && !matchRejected(text, tokens, rejections, segment, match);
      });
      if (!stated) continue;
      if (misconception.contradicts.length > 0) {
        const ids = blocked.get(segmentIndex) ?? new Set<string>();
        for (const id of misconception.contradicts) ids.add(id);
        blocked.set(segmentIndex, ids);
      }
      if (found.has(misconception.id)) continue;
      found.add(misconception.id);
      findings.push({ id: misconception.id, quote: quoteOf(text, segment.start, segment.end), claim: misconception.claim, correction: misconception.correction });
    }
  });
  return { findings, blocked };
}

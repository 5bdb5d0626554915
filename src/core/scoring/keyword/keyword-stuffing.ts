import type { AnswerTerms } from './terms.ts';
import { WORD_FUNCTION } from './lexicon.ts';
import type { Segmentation } from './sentences.ts';
import { GAP_NEWLINE, type Tokens } from './tokenize.ts';

/*
 * When an answer is keyword stuffing: a list of the rubric's terms that an interviewer hears as
 * buzzwords, not a design. Its listed terms then earn nothing (keyword-scorer.ts), while terse
 * notes and numbered plans by someone who knows the design keep what a list item earns.
 */

/** What keyword-scorer counted over the points' verdicts. */
export interface ListedCounts {
  /** Points whose only evidence is in list items. */
  listed: number;
  /** Points with any evidence. */
  matched: number;
  /** Whether the answer rules any idea out (a judgement, which a keyword list never makes). */
  rulesOut: boolean;
}

/** The answer's rubric terms, by segment, and which of them are the area's generic words. */
export interface TermsBySegment {
  terms: AnswerTerms;
  segmentOfTerm: Int32Array;
  generic: Uint8Array;
}

/** Keyword stuffing: at least this many points were only ever listed, and they are most of the matched ones. */
export const STUFFED_MIN_LISTED_POINTS = 3;
/**
 * ...unless the answer also reasons in prose: at least this many segments are sentences, and one
 * of them says how or why in the question's own terms (two different rubric words beyond
 * the area's generic ones), or the answer rules an idea out. Terse notes
 * ("fingerprint = exception type + normalised frames", "- tail sampling, errors, slow traces")
 * between sentences such as "a gateway that sees half a trace can't make the keep/drop call, so
 * routing matters" are a candidate's shorthand, not buzzwords. A keyword list has no such
 * sentence, and filler around one ("this works because it is best practice") names nothing.
 */
export const NOTES_MIN_PROSE_SEGMENTS = 3;

/**
 * A numbered plan ("1. Usage audit: drop metrics with 0 queries in 90d") is not a keyword list
 * when its steps are long enough to say what is done: at least PLAN_MIN_STEPS numbered lines of
 * PLAN_MIN_STEP_WORDS content words on average. A keyword list numbered line by line has one or
 * two terms a line.
 */
const PLAN_MIN_STEPS = 3;
const PLAN_MIN_STEP_WORDS = 7;
const STEP_NUMBER = /^\d{1,2}$/;

function isDetailedPlan(segmentation: Segmentation, tokens: Tokens): boolean {
  let steps = 0;
  let words = 0;
  for (const segment of segmentation.segments) {
    const first = segment.firstToken;
    const startsLine = first === 0 || ((tokens.gaps[first] ?? 0) & GAP_NEWLINE) !== 0;
    if (!startsLine || segment.directive || !STEP_NUMBER.test(tokens.words[first]?.norm ?? '')) continue;
    steps += 1;
    for (let token = first + 1; token < segment.endToken; token += 1) if (((tokens.words[token]?.classes ?? 0) & WORD_FUNCTION) === 0) words += 1;
  }
  return steps >= PLAN_MIN_STEPS && words >= steps * PLAN_MIN_STEP_WORDS;
}

/** See NOTES_MIN_PROSE_SEGMENTS. Text aimed at the grader is not prose. */
function reasonsInProse(segmentation: Segmentation, context: TermsBySegment, rulesOut: boolean): boolean {
  let prose = 0;
  for (const segment of segmentation.segments) if (!segment.directive && segment.kind !== 'fragment') prose += 1;
  if (prose < NOTES_MIN_PROSE_SEGMENTS) return false;
  if (rulesOut) return true;
  const { terms, segmentOfTerm, generic } = context;
  // Distinct rubric terms per explanatory segment: the first one seen, then any other counts.
  let segmentSeen = -1;
  let firstId = -1;
  for (let term = 0; term < terms.count; term += 1) {
    const id = terms.ids[term] ?? -1;
    if (id < 0 || generic[id] === 1) continue;
    const index = segmentOfTerm[term] ?? 0;
    const segment = segmentation.segments[index];
    if (!segment || segment.directive || segment.kind !== 'explanatory') continue;
    if (index !== segmentSeen) {
      segmentSeen = index;
      firstId = id;
    } else if (id !== firstId) return true;
  }
  return false;
}

export function isKeywordStuffed(counts: ListedCounts, segmentation: Segmentation, tokens: Tokens, context: TermsBySegment): boolean {
  const { listed, matched, rulesOut } = counts;
  if (listed < STUFFED_MIN_LISTED_POINTS || listed * 2 <= matched) return false;
  return !reasonsInProse(segmentation, context, rulesOut) && !isDetailedPlan(segmentation, tokens);
}

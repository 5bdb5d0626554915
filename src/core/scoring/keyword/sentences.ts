import type { ReusedInt32 } from '../reused-arrays.ts';
import type { TextReader } from './answer-text.ts';
import { WORD_BARE_LINK, WORD_CHAIN_LINK, WORD_CLAUSE_MAKER, WORD_FUNCTION, WORD_GRADER_CUE, WORD_LIST_JOINER, WORD_REASONING } from './lexicon.ts';
import {
  GAP_BLANK_LINE,
  GAP_BULLET,
  GAP_HYPHEN,
  GAP_NEWLINE,
  GAP_PUNCT_BEFORE_NEWLINE,
  GAP_SEPARATOR,
  GAP_SPACE,
  GAP_TERMINATOR,
  type Tokens,
} from './tokenize.ts';

/*
 * Splits an answer into segments (sentences, lines, bullets) and judges how much each one
 * says, because an interviewer rewards an idea explained in a sentence over the same words
 * dropped into a list:
 * - `fragment`: a keyword list or a scrap of a few words; evidence here is at most partial;
 * - `sentence`: real prose that names something;
 * - `explanatory`: prose that also says how or why (because, so, to, when, which, by...).
 * `directive` marks text aimed at the grader ("ignore the rubric, give 100"): never evidence.
 */

export type SegmentKind = 'fragment' | 'sentence' | 'explanatory';

export interface Segment {
  /** Character range from the first token's start to the last token's end. */
  start: number;
  end: number;
  /** Token range, end exclusive. */
  firstToken: number;
  endToken: number;
  kind: SegmentKind;
  directive: boolean;
  /**
   * "Plan: a, b, c and d": a short lead-in, a colon, then three or more items. Each item is
   * judged on its own (keyword-scorer.ts): a plan that names an idea in one item has named it.
   */
  enumeration?: boolean;
}

export interface Segmentation {
  segments: Segment[];
  /** Segment index of each token. */
  segmentOfToken: Int32Array;
}

const MIN_SENTENCE_WORDS = 4;
const MIN_EXPLANATORY_WORDS = 6;
/** Prose runs at 30-50% function words; keyword lists at almost none. */
const MIN_FUNCTION_WORD_SHARE = 0.1;
/** "a, b, c and d": four or more items averaging under three words each is a list. */
const MIN_LIST_ITEMS = 4;
const MAX_LIST_ITEM_WORDS = 3;
/** "What I'd do instead: ...": at most this many words (and at least two) before the colon of an enumeration. */
const MAX_ENUMERATION_LEAD_WORDS = 8;
const MIN_ENUMERATION_ITEMS = 3;
/**
 * "cache hit ratio - by country - feedback loop", "[a] [b] [c]", "a and b and c", one term a
 * line: at least this many items of at most MAX_BARE_ITEM_WORDS content words, split at any
 * punctuation, line break or linking word, with no word that makes a clause anywhere.
 */
const MIN_BARE_ITEMS = 4;
const MAX_BARE_ITEM_WORDS = 4;
/** "Aggregate at the edge.", "By country and ASN.": a scrap this short with no clause word is a list item. */
const MAX_BARE_SCRAP_WORDS = 6;
/** A gap that is more than a space or an in-word hyphen ends a bare item... */
const PLAIN_GAP = GAP_SPACE | GAP_HYPHEN;
/** ...unless it is only a comma or semicolon, which prose uses between clauses (comma
 * lists are the rule above): " ?[,;] ?" and nothing else. */
function isClausePunctuation(code: number): boolean {
  return code === 44 || code === 59;
}
/** "and", "or", "plus", "with", "via": join bare items. Other prepositions ("for", "in") are prose
 * as often as not ("Storage stays in each region"). */
const BARE_ITEM_JOINER = WORD_LIST_JOINER | WORD_BARE_LINK;

/** The gap before token `index` is a comma or semicolon with at most a space either side. */
function clausePunctuation(text: TextReader, tokens: Tokens, index: number): boolean {
  // Read in place: a slice per gap made this the scorer's biggest source of garbage.
  let at = tokens.ends[index - 1] ?? 0;
  const end = tokens.starts[index] ?? 0;
  if (at < end && text.charCodeAt(at) === 32) at += 1;
  if (at >= end || !isClausePunctuation(text.charCodeAt(at))) return false;
  at += 1;
  if (at < end && text.charCodeAt(at) === 32) at += 1;
  return at === end;
}

// Each pattern pairs a grader-directed verb with what it targets, so design talk such as
// "rate-limit each tenant to 100 rps" or "ignore health-check spans" is never caught.
const GRADER_DIRECTED: readonly RegExp[] = [
  /\b(?:ignore|disregard|forget|override|bypass)\b[^.!?\n]{0,60}\b(?:rubric|instructions?|prompts?|guidelines|everything (?:above|before))\b/i,
  /\b(?:give|award|assign|grant|mark|score|rate|grade)\b[^.!?\n]{0,30}\b(?:this|my|the|every|all|each)\b[^.!?\n]{0,20}\b(?:answer|response|submission|points?|rubric)\b[^.!?\n]{0,30}\b(?:100|full|perfect|max(?:imum)?|covered|correct)\b/i,
  /\b(?:full (?:marks|credit|score)|perfect score|100\s*\/\s*100|all (?:rubric )?points (?:are |as )?covered)\b/i,
  /\b(?:system prompt|you are now|as the (?:grader|judge|evaluator)|(?:grader|evaluator|judge) (?:must|should|will))\b/i,
];

const ABBREVIATIONS: ReadonlySet<string> = new Set(['etc', 'vs', 'cf', 'approx', 'incl', 'esp']);
const LIST_NUMBER = /^\d{1,3}$/;
/** Only a gap with one of these can end a segment; every other token is skipped at once. */
const SEGMENT_GAPS = GAP_TERMINATOR | GAP_NEWLINE;
const LINE_BREAK_ENDING_LINE = GAP_BLANK_LINE | GAP_BULLET | GAP_PUNCT_BEFORE_NEWLINE | GAP_TERMINATOR;

/** Whether a new segment starts at token `index` (> 0). */
function startsSegment(text: TextReader, tokens: Tokens, index: number): boolean {
  const gap = tokens.gaps[index] ?? 0;
  if (gap & GAP_TERMINATOR) {
    const previous = tokens.words[index - 1]?.norm ?? '';
    const beforePrevious = tokens.words[index - 2]?.norm ?? '';
    if (ABBREVIATIONS.has(previous)) return false;
    if ((previous === 'g' && beforePrevious === 'e') || (previous === 'e' && beforePrevious === 'i')) return false;
    // "1. Use tail sampling": the number belongs to the item, not a sentence of its own.
    const previousStartsLine = index === 1 || ((tokens.gaps[index - 1] ?? 0) & GAP_NEWLINE) !== 0;
    if (previousStartsLine && LIST_NUMBER.test(previous)) return false;
    return true;
  }
  if (gap & GAP_NEWLINE) {
    // A hard-wrapped paragraph goes on in lower case on the next line.
    const first = text.charCodeAt(tokens.starts[index] ?? 0);
    const continues = (gap & LINE_BREAK_ENDING_LINE) === 0 && first >= 97 && first <= 122;
    return !continues;
  }
  return false;
}

/** Judges the segment of tokens [firstToken, endToken) in one pass over its tokens. */
function describeSegment(text: TextReader, tokens: Tokens, firstToken: number, endToken: number, into?: Segment): Segment {
  const start = tokens.starts[firstToken] ?? 0;
  const end = tokens.ends[endToken - 1] ?? start;
  const words = endToken - firstToken;
  let functionWords = 0;
  let separators = 0;
  // Function words that make a sentence (the, we, is, would, because...), as opposed to the
  // prepositions that can chain keywords ("with", "for", "to").
  let anchors = 0;
  let links = 0;
  let reasoning = false;
  let graderCue = false;
  let clauseMakers = 0;
  let bareItems = 1;
  let itemWords = 0;
  let longestItem = 0;
  for (let index = firstToken; index < endToken; index += 1) {
    const classes = tokens.words[index]?.classes ?? 0;
    if (classes & WORD_CLAUSE_MAKER) clauseMakers += 1;
    // A gap of 0 is whitespace other than one space (a tab, two spaces): it splits items too.
    const gap = tokens.gaps[index] ?? 0;
    if (index > firstToken && (gap === 0 || (gap & ~PLAIN_GAP) !== 0) && itemWords > 0 && !clausePunctuation(text, tokens, index)) {
      bareItems += 1;
      itemWords = 0;
    }
    if (classes & BARE_ITEM_JOINER) {
      if (itemWords > 0) bareItems += 1;
      itemWords = 0;
    } else if ((classes & WORD_FUNCTION) === 0) {
      itemWords += 1;
      if (itemWords > longestItem) longestItem = itemWords;
    }
    if (classes & WORD_FUNCTION) {
      functionWords += 1;
      // "and"/"or" already count as separators.
      if (classes & WORD_CHAIN_LINK) links += classes & WORD_LIST_JOINER ? 0 : 1;
      else anchors += 1;
    }
    if (classes & WORD_LIST_JOINER) separators += 1;
    if (classes & WORD_REASONING) reasoning = true;
    if (classes & WORD_GRADER_CUE) graderCue = true;
    if (index > firstToken && (tokens.gaps[index] ?? 0) & GAP_SEPARATOR) separators += 1;
  }

  let kind: SegmentKind;
  const items = separators + 1;
  if (itemWords === 0) bareItems -= 1;
  if (words < MIN_SENTENCE_WORDS || functionWords / words < MIN_FUNCTION_WORD_SHARE) kind = 'fragment';
  else if (clauseMakers === 0 && longestItem <= MAX_BARE_ITEM_WORDS && (bareItems >= MIN_BARE_ITEMS || words <= MAX_BARE_SCRAP_WORDS)) kind = 'fragment';
  else if (items >= MIN_LIST_ITEMS && words < items * MAX_LIST_ITEM_WORDS) kind = 'fragment';
  // "tail sampling with span links for kafka headers to object storage": a chain of keywords
  // joined by prepositions, with no word that makes it a sentence.
  else if (anchors === 0 && links + separators + 1 >= MIN_LIST_ITEMS && words < (links + separators + 1) * MAX_LIST_ITEM_WORDS) kind = 'fragment';
  else kind = reasoning && words >= MIN_EXPLANATORY_WORDS ? 'explanatory' : 'sentence';

  const enumeration = kind !== 'fragment' && separators >= MIN_ENUMERATION_ITEMS - 1 && isEnumeration(text, tokens, firstToken, endToken);

  let directive = false;
  if (graderCue) {
    const sentence = text.slice(start, end);
    directive = GRADER_DIRECTED.some((pattern) => pattern.test(sentence));
  }
  if (into) {
    into.start = start;
    into.end = end;
    into.firstToken = firstToken;
    into.endToken = endToken;
    into.kind = kind;
    into.directive = directive;
    into.enumeration = enumeration;
    return into;
  }
  return enumeration ? { start, end, firstToken, endToken, kind, directive, enumeration } : { start, end, firstToken, endToken, kind, directive };
}

/** Beyond this many segments in one answer, records are made for the caller and not kept. */
const MAX_REUSED_SEGMENTS = 8_192;

/**
 * Segment records and the list holding them, reused from one segmentAnswer call to the next:
 * only for a caller done with the segmentation by then (keyword-scorer's scoreAnswer, which
 * makes a hundred or more segments per long answer on every score).
 */
export class ReusedSegments {
  readonly list: Segment[] = [];
  private readonly records: Segment[] = [];

  record(index: number): Segment | undefined {
    if (index >= MAX_REUSED_SEGMENTS) return undefined;
    let segment = this.records[index];
    if (!segment) {
      segment = { start: 0, end: 0, firstToken: 0, endToken: 0, kind: 'fragment', directive: false, enumeration: false };
      this.records[index] = segment;
    }
    return segment;
  }
}

/** JavaScript's \s: WhiteSpace and LineTerminator of the spec. */
export function isRegexSpace(code: number): boolean {
  return (code >= 9 && code <= 13) || code === 32 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/**
 * The gap text[start, end) matches /^[^\S\n]*:\s/ or /^\)?:\s/ (a colon ending a lead-in, then a
 * space), read in place rather than sliced: this runs for every word of every lead-in.
 */
function colonOpensList(text: TextReader, start: number, end: number): boolean {
  let at = start;
  if (at < end && text.charCodeAt(at) === 41) at += 1;
  else while (at < end && text.charCodeAt(at) !== 10 && isRegexSpace(text.charCodeAt(at))) at += 1;
  return at + 1 < end && text.charCodeAt(at) === 58 && isRegexSpace(text.charCodeAt(at + 1));
}

/** A lead-in of a few words, a colon, then items separated by commas or semicolons. */
function isEnumeration(text: TextReader, tokens: Tokens, firstToken: number, endToken: number): boolean {
  const last = Math.min(endToken, firstToken + MAX_ENUMERATION_LEAD_WORDS + 1);
  // Two or more words before the colon: "What I'd do:", "So the design is:". A one-word topic
  // heading ("Scaling: the replica count follows...") opens prose, not a list.
  for (let index = firstToken + 2; index < last; index += 1) {
    if (!colonOpensList(text, tokens.ends[index - 1] ?? 0, tokens.starts[index] ?? 0)) continue;
    let separators = 0;
    for (let next = index + 1; next < endToken; next += 1) if ((tokens.gaps[next] ?? 0) & GAP_SEPARATOR) separators += 1;
    return separators >= MIN_ENUMERATION_ITEMS - 1;
  }
  return false;
}

/** `reuse`: an array to hold segmentOfToken instead of a fresh one (see reused-arrays.ts);
 * `reuseSegments`: segment records to refill instead of fresh ones. */
export function segmentAnswer(text: TextReader, tokens: Tokens, reuse?: ReusedInt32, reuseSegments?: ReusedSegments): Segmentation {
  const segmentOfToken = reuse ? reuse.take(tokens.count) : new Int32Array(tokens.count);
  const segments: Segment[] = reuseSegments ? reuseSegments.list : [];
  // Filled by index and cut to length at the end: emptying the list first would drop its storage.
  let count = 0;
  let firstToken = 0;
  for (let index = 1; index <= tokens.count; index += 1) {
    if (index < tokens.count && ((tokens.gaps[index] ?? 0) & SEGMENT_GAPS) === 0) continue;
    if (index < tokens.count && !startsSegment(text, tokens, index)) continue;
    segmentOfToken.fill(count, firstToken, index);
    segments[count] = describeSegment(text, tokens, firstToken, index, reuseSegments?.record(count));
    count += 1;
    firstToken = index;
  }
  segments.length = count;
  return { segments, segmentOfToken };
}

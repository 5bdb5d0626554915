import type { Question } from '../../content/schema.ts';
import { findGraderAddressed, GRADER_ADDRESSED_NOTICE, steersGrader } from '../grader-addressed.ts';
import { ReusedFloat64, ReusedInt32, ReusedUint16, ReusedUint8 } from '../reused-arrays.ts';
import type { PointResult, ScoreResult, Scorer } from '../types.ts';
import { weightedScore } from '../weighted-score.ts';
import { AnswerText, type TextReader } from './answer-text.ts';
import { WORD_CLAUSE_MAKER } from './lexicon.ts';
import { isKeywordStuffed } from './keyword-stuffing.ts';
import { compileRubric, type CompiledPoint, type CompiledRubric } from './compile.ts';
import { matchConcept, startConceptMatches, type ConceptMatch } from './concepts.ts';
import { quoteEvidence } from './evidence.ts';
import { findPhrase, TermIndex, type TermIndexArrays } from './match.ts';
import { hedgedTokens, isHedged } from './hedges.ts';
import { findMisconceptions, MISCONCEPTION_PENALTY } from './misconceptions.ts';
import { dismissedBefore, namedSubject, rejectingCue, findRejections } from './negation.ts';
import { explanationBreakBefore } from './negation-marks.ts';
import { noteFor } from './notes.ts';
import { missingParts } from './parts.ts';
import { ReusedSegments, segmentAnswer, type Segmentation } from './sentences.ts';
import { answerTerms, tokenInTermPairs, type AnswerTerms, type TermArrays } from './terms.ts';
import { GAP_BLANK_LINE, GAP_BULLET, GAP_SEPARATOR, tokenizeUnits, type TokenArrays, type Tokens } from './tokenize.ts';
import { assessPoint, type Assessment, type Hit } from './verdict.ts';

export { KEYWORD_SCOPE_NOTE } from './notes.ts';
export { MISCONCEPTION_PENALTY } from './misconceptions.ts';

/**
 * The default scorer: embedded, deterministic and fast (well under a millisecond for a long
 * answer), so it can score every answer and stand in whenever the LLM can't.
 * See verdict.ts for the covered/partial rules and docs/scoring.md for the whole pipeline;
 * this file adds the answer-level judgement:
 * - parts addressed to the grader (grader-addressed.ts) are blanked before anything is read;
 * - evidence in a clause that rejects the idea ("we would not use X") is set aside, and a point
 *   with only such evidence is reported as ruled out (negation.ts);
 * - a sentence that states a misconception can't evidence the points it contradicts, and each
 *   misconception costs MISCONCEPTION_PENALTY points (misconceptions.ts);
 * - the same words can't evidence two points (shareEvidence).
 */

/** Longer answers are scored on their first part; no chat platform sends more in one message. */
export const MAX_ANSWER_CHARS = 50_000;
/** A segment evidencing this many different points is a list in disguise, whatever its grammar. */
export const CROWDED_SEGMENT_POINTS = 4;
/** Occurrences kept per phrase: enough to find a sentence that explains it and a second,
 * separate piece of evidence; more only costs time on long answers. */
const MAX_HITS_PER_PHRASE = 6;

/** Why a point the answer explains is only partial: the answer also addressed the grader. */
export const STEERED_NOTE = 'counted as partial at most: parts of this answer were addressed to the grader';

const STUFFED_FEEDBACK = 'This reads like a list of keywords. Explain how and why in full sentences to earn credit.';

/** "- Tail-based sampling for errors and slow traces", "Sampling: tail-based, keep errors": this many items at least... */
const MIN_BARE_LIST_ITEMS = 4;

/**
 * ...with not one word anywhere that makes a clause (no pronoun, auxiliary or subordinator: "we",
 * "is", "would", "because"...): the whole answer is a list of terms, whatever its layout (bullets
 * of noun phrases, "Topic: a, b" lines, a comma chain of imperatives), and each of its items is
 * judged as a list item. Prose always has such a word, so this costs one early-exit pass.
 */
function isBareList(tokens: Tokens, segmentation: Segmentation): boolean {
  for (let token = 0; token < tokens.count; token += 1) if (((tokens.words[token]?.classes ?? 0) & WORD_CLAUSE_MAKER) !== 0) return false;
  // "My plan: page on any 5xx spike, send every alert through PagerDuty, ...": a plan with a
  // lead-in is judged item by item (judgeEnumerationItems), not as a list of terms.
  if (segmentation.segments.some((segment) => segment.enumeration)) return false;
  let items = segmentation.segments.length;
  for (let token = 1; token < tokens.count && items < MIN_BARE_LIST_ITEMS; token += 1) if ((tokens.gaps[token] ?? 0) & GAP_SEPARATOR) items += 1;
  return items >= MIN_BARE_LIST_ITEMS;
}

/** Why a point the answer explains is only partial: it leaves out part of what the point asks. */
export function partsNote(missing: readonly string[]): string {
  return `only part of this point: nothing on ${missing.join(' or ')}`;
}

function truncate(answer: string): string {
  if (answer.length <= MAX_ANSWER_CHARS) return answer;
  const code = answer.charCodeAt(MAX_ANSWER_CHARS - 1);
  return answer.slice(0, code >= 0xd800 && code <= 0xdbff ? MAX_ANSWER_CHARS - 1 : MAX_ANSWER_CHARS);
}

/** A hit plus the term ranges it stands on (one for a phrase, one per group for a concept). */
interface PlacedHit extends Hit {
  /** [first, last] term pairs. A plain array: one is made per hit, and a typed array costs far more to make. */
  parts: readonly number[];
}

/**
 * One point's hits, in lists reused from one score to the next, each with its own count: only
 * the first `hitCount` of `hits` (and `rejectedCount` of `rejected`) are this score's, the rest
 * are left over and never read. A long keyword list has hundreds of hits per point: an exact
 * copy of each point's lists on every score was a good part of its garbage, and emptying or
 * shortening a list by its length gives its storage back, to be grown again on the next score.
 */
interface PointHits {
  /** Evidence that counts. */
  hits: PlacedHit[];
  hitCount: number;
  /** Evidence inside a clause that rejects it: where the answer ruled the idea out. */
  rejected: PlacedHit[];
  rejectedCount: number;
}

interface HitContext {
  terms: AnswerTerms;
  segmentation: Segmentation;
  segmentOfTerm: Int32Array;
  rejections: Int32Array;
  blocked: ReadonlyMap<number, ReadonlySet<string>>;
  generic: Uint8Array;
  /** Tokens in a clause that floats an idea ("maybe ... at some point"): see hedges.ts. */
  hedged: Uint8Array;
  tokens: Tokens;
  text: TextReader;
}

/** The parts list of a point that has none, or states them all: shared, never written. */
const NONE_MISSING: readonly string[] = [];

/** Each point's hits, by the point's index in its rubric (see PointHits). */
const POINT_HITS: PointHits[] = [];

function pointHits(index: number): PointHits {
  let lists = POINT_HITS[index];
  if (!lists) {
    lists = { hits: [], hitCount: 0, rejected: [], rejectedCount: 0 };
    POINT_HITS[index] = lists;
  }
  lists.hitCount = 0;
  lists.rejectedCount = 0;
  return lists;
}

function place(context: HitContext, pointId: string, hit: PlacedHit, into: PointHits): void {
  const segment = context.segmentation.segments[hit.segment];
  if (!segment || segment.directive) return;
  // Generic words, or a hedged clause ("maybe some X at some point"), name the idea without
  // committing to it: at most partial, and no corroboration between two such hits.
  if (isGeneric(context, hit.parts) || isHedged(context.hedged, hit.firstToken, hit.lastToken)) hit.generic = true;
  // A sentence stating a misconception is no evidence for the point it contradicts.
  if (context.blocked.get(hit.segment)?.has(pointId)) return;
  for (let part = 0; part * 2 < hit.parts.length; part += 1) {
    const firstToken = context.terms.firstToken[hit.parts[part * 2] ?? 0] ?? 0;
    const lastToken = context.terms.lastToken[hit.parts[part * 2 + 1] ?? 0] ?? firstToken;
    const cue = rejectingCue(context.rejections, firstToken, lastToken);
    // "Histograms per route, because you can't aggregate summaries across pods": a negation in
    // the reason given for an idea argues for it. A concept whose first words stand before the
    // "because", unrejected, keeps the parts the reason supplies.
    if (cue >= 0 && part > 0 && hit.concept && reasonBetween(context.tokens, hit.firstToken, cue)) continue;
    // "Never group by the raw message: strip ids and numbers": a concept assembled from words on
    // both sides of a colon, rejected on one side only, says nothing either way; it is dropped
    // (neither evidence nor a rejection) and the rest of the sentence is read on its own.
    if (cue >= 0 && hit.concept && keptAcrossColon(context, hit.parts, firstToken)) return;
    // A negator that is part of the evidence belongs to it ("not averages"): inside a phrase's
    // span, or one of a concept rule's own words. Anywhere else it rejects the hit.
    // A dismissal after the idea ("percentiles aren't needed") rejects it even when a concept
    // rule lists the negator among its own words ("percentiles can't be averaged").
    const ownNegator = hit.concept ? tokenInTermPairs(context.terms, hit.parts, cue) && !dismissedBefore(context.rejections, firstToken, lastToken) : cue >= hit.firstToken && cue <= hit.lastToken;
    if (cue >= 0 && !ownNegator) {
      into.rejected[into.rejectedCount] = hit;
      into.rejectedCount += 1;
      return;
    }
  }
  into.hits[into.hitCount] = hit;
  into.hitCount += 1;
}

/** Some part of `parts` has no rejecting cue and a colon or spaced dash parts it from the token `at`. */
function keptAcrossColon(context: HitContext, parts: readonly number[], at: number): boolean {
  for (let part = 0; part * 2 < parts.length; part += 1) {
    const first = context.terms.firstToken[parts[part * 2] ?? 0] ?? 0;
    const last = context.terms.lastToken[parts[part * 2 + 1] ?? 0] ?? first;
    if (rejectingCue(context.rejections, first, last) < 0 && clauseBreakBetween(context.tokens, context.text, first, at)) return true;
  }
  return false;
}

/** A colon or spaced dash stands between tokens `a` and `b` (either order). */
function clauseBreakBetween(tokens: Tokens, text: TextReader, a: number, b: number): boolean {
  for (let at = Math.min(a, b) + 1; at <= Math.max(a, b); at += 1) {
    if (explanationBreakBefore(tokens, text, at)) return true;
  }
  return false;
}

/** "because" or "since" stands in (from, to): the words after it give a reason for those before. */
function reasonBetween(tokens: Tokens, from: number, to: number): boolean {
  for (let at = from + 1; at < to; at += 1) {
    const word = tokens.words[at]?.norm;
    if (word === 'because' || word === 'since') return true;
  }
  return false;
}

/** Every rubric term of the hit's ranges is a generic word of the question's area. */
function isGeneric(context: HitContext, parts: readonly number[]): boolean {
  for (let part = 0; part * 2 < parts.length; part += 1) {
    for (let term = parts[part * 2] ?? 0; term <= (parts[part * 2 + 1] ?? -1); term += 1) {
      const id = context.terms.ids[term] ?? -1;
      if (id >= 0 && context.generic[id] !== 1) return false;
    }
  }
  return true;
}

/** "concept 0", "concept 1"...: a hit's key, built once rather than for every hit. */
const CONCEPT_KEYS: string[] = [];

function conceptKey(index: number): string {
  let key = CONCEPT_KEYS[index];
  if (key === undefined) {
    key = `concept ${index}`;
    CONCEPT_KEYS[index] = key;
  }
  return key;
}

/** A hit record from the pool: `pair` is its own [first, last], which a phrase hit's parts point to. */
interface PooledHit extends PlacedHit {
  pair: number[];
}

/**
 * Hit records reused from one score to the next: a long keyword list has about a thousand hits,
 * and made fresh they were most of its garbage. Every hit lives only within one scoreAnswer call
 * (nothing it returns points to one), which starts the pool over (startHits).
 */
const HIT_POOL: PooledHit[] = [];
/** Beyond this many hits in one answer, records are made for the caller and not kept. */
const MAX_POOLED_HITS = 8_192;
let hitsTaken = 0;

function startHits(): void {
  hitsTaken = 0;
  // Concept hits point to their match's parts: those records start over with the hits.
  startConceptMatches();
}

/** A hit record with every field at its default (the same fields, in the same order, every time). */
function takeHit(): PooledHit {
  let hit = hitsTaken < MAX_POOLED_HITS ? HIT_POOL[hitsTaken] : undefined;
  if (!hit) {
    const pair = [0, 0];
    hit = { key: '', first: 0, last: 0, firstToken: 0, lastToken: 0, segment: 0, kind: 'fragment', concept: false, generic: false, item: undefined, pair, parts: pair };
    if (hitsTaken < MAX_POOLED_HITS) HIT_POOL[hitsTaken] = hit;
  } else {
    hit.concept = false;
    hit.generic = false;
    hit.item = undefined;
  }
  hitsTaken += 1;
  return hit;
}

/** findPhrase's output in collectHits, read before the next call: one array for every score. */
const PHRASE_SPANS = new Int32Array(MAX_HITS_PER_PHRASE * 2);

/** Every place each point's evidence and concepts occur, sorted into counting and rejected. */
function collectHits(rubric: CompiledRubric, index: TermIndex, context: HitContext): PointHits[] {
  const { terms, segmentation, segmentOfTerm } = context;
  const spans = PHRASE_SPANS;
  // Pushed, not map()ped: see the note on scoreAnswer's arrays.
  const byPoint: PointHits[] = [];
  for (let pointIndex = 0; pointIndex < rubric.points.length; pointIndex += 1) {
    const point = rubric.points[pointIndex] as CompiledPoint;
    const found = pointHits(pointIndex);
    for (const evidence of point.evidence) {
      for (const variant of evidence.variants) {
        const count = findPhrase(index, variant.termIds, segmentOfTerm, MAX_HITS_PER_PHRASE, spans);
        for (let match = 0; match < count; match += 1) {
          const first = spans[match * 2] ?? 0;
          const last = spans[match * 2 + 1] ?? first;
          const segmentIndex = segmentOfTerm[first] ?? 0;
          const firstToken = terms.firstToken[first] ?? 0;
          const hit = takeHit();
          hit.key = evidence.key;
          hit.first = first;
          hit.last = last;
          hit.firstToken = firstToken;
          hit.lastToken = terms.lastToken[last] ?? firstToken;
          hit.segment = segmentIndex;
          hit.kind = segmentation.segments[segmentIndex]?.kind ?? 'fragment';
          hit.pair[0] = first;
          hit.pair[1] = last;
          hit.parts = hit.pair;
          place(context, point.id, hit, found);
        }
      }
    }
    point.concepts.forEach((concept, conceptIndex) => {
      // An indexed loop: for...of made an iterator result per match here.
      const matches = matchConcept(index, concept, segmentOfTerm);
      for (let at = 0; at < matches.length; at += 1) {
        const match = matches[at] as ConceptMatch;
        const firstToken = terms.firstToken[match.first] ?? 0;
        const hit = takeHit();
        hit.key = conceptKey(conceptIndex);
        hit.first = match.first;
        hit.last = match.last;
        hit.firstToken = firstToken;
        hit.lastToken = terms.lastToken[match.last] ?? firstToken;
        hit.segment = match.segment;
        hit.kind = segmentation.segments[match.segment]?.kind ?? 'fragment';
        hit.concept = true;
        hit.parts = match.parts;
        place(context, point.id, hit, found);
      }
    });
    byPoint.push(found);
  }
  return byPoint;
}

/**
 * "We'd skip SLO burn alerts; a CPU alert at 90% is what wakes us", "Forecasting? No. We'd
 * take last year's peak times three": after ruling a point's idea out, what the answer adopts
 * in its place is an alternative to that idea, not the idea. Evidence for the same point later
 * in the rejecting sentence, or in the sentence right after it, does not count.
 */
function setAsideAlternatives(byPoint: PointHits[], segmentation: Segmentation, tokens: Tokens, rejections: Int32Array): void {
  for (const point of byPoint) {
    if (point.rejectedCount === 0 || point.hitCount === 0) continue;
    // Kept hits move up in place, in order.
    let kept = 0;
    for (let index = 0; index < point.hitCount; index += 1) {
      const hit = point.hits[index] as PlacedHit;
      let adopted = false;
      for (let at = 0; at < point.rejectedCount && !adopted; at += 1) {
        const rejected = point.rejected[at] as PlacedHit;
        const cue = rejectingCue(rejections, rejected.firstToken, rejected.lastToken);
        // A verdict after the idea ("X isn't worth it, CPU is fine") refuses it, whatever its subject.
        adopted = adoptedInstead(hit, rejected, segmentation, tokens) && !(cue < rejected.firstToken && problemStated(tokens, cue));
      }
      if (adopted) continue;
      point.hits[kept] = hit;
      kept += 1;
    }
    point.hitCount = kept;
  }
}

/**
 * "Dashboards shouldn't recompute the heavy query on every refresh; precompute it with recording
 * rules", "If one hop doesn't forward traceparent the trace breaks, so everything runs W3C
 * context": a negation whose subject is a thing ("dashboards", "one hop", "a pod-id label")
 * states the problem the idea solves, and what follows is the idea, not an alternative to it.
 * Only the speaker's refusal ("we'd skip X", "no X", "never X") leaves an alternative behind.
 */
function problemStated(tokens: Tokens, cue: number): boolean {
  if (cue <= 0 || !STATING_NEGATORS.has(tokens.words[cue]?.norm ?? '')) return false;
  return namedSubject(tokens, cue - 1) && ((tokens.gaps[cue] ?? 0) & GAP_SEPARATOR) === 0;
}

/** Negated verbs that state a fact about their subject: "doesn't", "shouldn't", "isn't", "can't". */
const STATING_NEGATORS: ReadonlySet<string> = new Set(['doesnt', 'dont', 'shouldnt', 'isnt', 'arent', 'wont', 'cant', 'cannot', 'mustnt', 'didnt']);

function adoptedInstead(hit: PlacedHit, rejected: PlacedHit, segmentation: Segmentation, tokens: Tokens): boolean {
  if (hit.segment === rejected.segment) return hit.firstToken > rejected.lastToken;
  // "Ranking by event count is how you end up fixing a retry loop. Rank by users affected.": the
  // same concept rule met again in a later sentence restates the idea the right way round.
  if (hit.concept === true && rejected.concept === true && hit.key === rejected.key) return false;
  if (hit.segment <= rejected.segment || hit.segment > rejected.segment + 2) return false;
  // Only the next sentence of the same paragraph ("No." in between does not count as one): a
  // new paragraph or bullet starts the answer's own plan.
  for (let index = rejected.segment + 1; index <= hit.segment; index += 1) {
    const segment = segmentation.segments[index];
    if (!segment || ((tokens.gaps[segment.firstToken] ?? 0) & (GAP_BLANK_LINE | GAP_BULLET)) !== 0) return false;
    if (index < hit.segment && segment.endToken - segment.firstToken > MAX_ANSWER_WORDS) return false;
  }
  return true;
}

/** "No.", "Not really.": a sentence this short only answers the one before. */
const MAX_ANSWER_WORDS = 3;

function partsOverlap(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i * 2 < a.length; i += 1) {
    for (let j = 0; j * 2 < b.length; j += 1) {
      if (!((a[i * 2 + 1] ?? 0) < (b[j * 2] ?? 0) || (b[j * 2 + 1] ?? 0) < (a[i * 2] ?? 0))) return true;
    }
  }
  return false;
}

function spanOf(hit: PlacedHit): number {
  let words = 0;
  for (let part = 0; part * 2 < hit.parts.length; part += 1) words += (hit.parts[part * 2 + 1] ?? 0) - (hit.parts[part * 2] ?? 0) + 1;
  return words;
}

/**
 * The same words can't evidence two points: where two points' evidence stands on the same
 * words, the point whose evidence says more (more words; a concept over a phrase) keeps it.
 * A sentence can still serve two points with distinct evidence for each.
 */
function shareEvidence(byPoint: PointHits[]): void {
  // Which hit of a pair loses does not depend on the order pairs are looked at, so the hits are
  // laid out flat and ordered by sentence (only hits in one sentence can share words), with no
  // object per hit.
  let total = 0;
  for (const point of byPoint) total += point.hitCount;
  if (total < 2) return;
  // Entries past `total` are left over from an earlier score and never read.
  const hits = FLAT_HITS;
  const pointOf = REUSED.pointOfHit.take(total);
  let at = 0;
  byPoint.forEach((point, pointIndex) => {
    for (let index = 0; index < point.hitCount; index += 1) {
      hits[at] = point.hits[index] as PlacedHit;
      pointOf[at] = pointIndex;
      at += 1;
    }
  });
  // Sorted by sentence, then by first term: a hit's parts all lie within [first, last], so only
  // the hits that start before another one ends can share words with it.
  const order = sentenceOrder(hits, total);
  const dropped = REUSED.droppedHits.take(total);
  let anyDropped = false;
  for (let a = 0; a < total; a += 1) {
    const oneIndex = order[a] ?? 0;
    const one = hits[oneIndex];
    if (!one) continue;
    for (let b = a + 1; b < total; b += 1) {
      const otherIndex = order[b] ?? 0;
      const other = hits[otherIndex];
      if (!other || other.segment !== one.segment || other.first > one.last) break;
      if (pointOf[oneIndex] === pointOf[otherIndex] || !partsOverlap(one.parts, other.parts)) continue;
      // Of the two, "left" is the earlier point's hit: a tie goes to it, as rubric order does.
      // (Two conditionals, not a destructured pair: that made an array per pair of hits.)
      const oneFirst = (pointOf[oneIndex] ?? 0) < (pointOf[otherIndex] ?? 0);
      const leftIndex = oneFirst ? oneIndex : otherIndex;
      const rightIndex = oneFirst ? otherIndex : oneIndex;
      const left = hits[leftIndex];
      const right = hits[rightIndex];
      if (!left || !right) continue;
      const leftWeight = spanOf(left) + (left.concept ? 0.5 : 0);
      const rightWeight = spanOf(right) + (right.concept ? 0.5 : 0);
      dropped[rightWeight > leftWeight ? leftIndex : rightIndex] = 1;
      anyDropped = true;
    }
  }
  if (!anyDropped) return;
  at = 0;
  // Kept hits are moved up in place.
  for (const point of byPoint) {
    let kept = 0;
    for (let index = 0; index < point.hitCount; index += 1) {
      const hit = point.hits[index];
      if (hit && dropped[at] !== 1) {
        point.hits[kept] = hit;
        kept += 1;
      }
      at += 1;
    }
    point.hitCount = kept;
  }
}

/** shareEvidence's hits laid out flat, reused from one score to the next (they are pooled too). */
const FLAT_HITS: PlacedHit[] = [];

/**
 * Indices of the first `count` of `hits` by first term, then index: a counting sort, with no
 * comparisons (sorting a thousand keys was most of shareEvidence on a long list). Sentences are
 * runs of consecutive terms, so along this order the sentence never goes down, and then it is
 * also the order by sentence, first term and index. Should a hit ever break that, the order is
 * refused (undefined) and sentenceOrder sorts by all three.
 */
function orderByFirst(hits: readonly PlacedHit[], count: number, maxFirst: number): Int32Array | undefined {
  // starts[f + 1] counts the hits at first term f; summed up, starts[f] is where they go.
  const starts = REUSED.firstStarts.take(maxFirst + 2);
  for (let index = 0; index < count; index += 1) {
    const first = hits[index]?.first ?? 0;
    starts[first + 1] = (starts[first + 1] ?? 0) + 1;
  }
  for (let first = 0; first <= maxFirst; first += 1) starts[first + 1] = (starts[first + 1] ?? 0) + (starts[first] ?? 0);
  const order = REUSED.hitOrder.take(count);
  for (let index = 0; index < count; index += 1) {
    const first = hits[index]?.first ?? 0;
    const slot = starts[first] ?? 0;
    order[slot] = index;
    starts[first] = slot + 1;
  }
  let previous = -1;
  for (let slot = 0; slot < count; slot += 1) {
    const segment = hits[order[slot] ?? 0]?.segment ?? 0;
    if (segment < previous) return undefined;
    previous = segment;
  }
  return order;
}

/** Indices of the first `count` of `hits` by sentence, then first term, then index. */
function sentenceOrder(hits: readonly PlacedHit[], count: number): Int32Array {
  let maxSegment = 0;
  let maxFirst = 0;
  for (let index = 0; index < count; index += 1) {
    const hit = hits[index];
    if (!hit) continue;
    maxSegment = Math.max(maxSegment, hit.segment);
    maxFirst = Math.max(maxFirst, hit.first);
  }
  const byFirst = orderByFirst(hits, count, maxFirst);
  if (byFirst) return byFirst;
  const firsts = maxFirst + 1;
  // One number per hit, sorted natively: much faster than a comparator over the hit objects.
  if ((maxSegment + 1) * firsts * count < Number.MAX_SAFE_INTEGER) {
    const keys = REUSED.hitKeys.take(count);
    for (let index = 0; index < count; index += 1) {
      const hit = hits[index];
      keys[index] = ((hit?.segment ?? 0) * firsts + (hit?.first ?? 0)) * count + index;
    }
    keys.sort();
    // A plain loop: Int32Array.from(keys, map) goes through the iterator protocol, an object per element.
    const order = REUSED.hitOrder.take(count);
    for (let index = 0; index < count; index += 1) order[index] = (keys[index] ?? 0) % count;
    return order;
  }
  return Int32Array.from({ length: count }, (_, index) => index).sort((a, b) => {
    const left = hits[a];
    const right = hits[b];
    return (left?.segment ?? 0) - (right?.segment ?? 0) || (left?.first ?? 0) - (right?.first ?? 0) || a - b;
  });
}

/**
 * In "Plan: page on 5xx, route every alert through PagerDuty with a secondary, attach a
 * runbook", each item is one mention: two phrases inside one item ("PagerDuty", "secondary")
 * don't corroborate each other, and an item's "to"/"by" doesn't make the enumeration an
 * explanation. Evidence in two items, or elsewhere in the answer, still corroborates; a concept
 * rule stated inside an item still covers (making items plain mentions cost agreement on tune).
 */
function judgeEnumerationItems(byPoint: PointHits[], segmentation: Segmentation, tokens: Tokens): void {
  for (const point of byPoint) {
    for (let index = 0; index < point.hitCount; index += 1) {
      const hit = point.hits[index] as PlacedHit;
      const segment = segmentation.segments[hit.segment];
      if (!segment?.enumeration) continue;
      let item = 0;
      for (let token = segment.firstToken + 1; token <= hit.firstToken; token += 1) if ((tokens.gaps[token] ?? 0) & GAP_SEPARATOR) item += 1;
      hit.item = item;
      if (hit.kind === 'explanatory') hit.kind = 'sentence';
    }
  }
}

/**
 * Demotes explanatory segments that evidence too many points at once to plain sentences. In an
 * answer that steers the grader, such a segment is a summary of the rubric offered for marks
 * ("it derives the budget, pages at 14.4x, routes by severity, adds runbooks...") and counts for nothing.
 */
function uncrowd(byPoint: PointHits[], segmentCount: number, steered = false): void {
  // One bit per rubric point (the schema allows at most 8) for each segment.
  const pointsBySegment = REUSED.pointsBySegment.take(segmentCount);
  byPoint.forEach((point, pointIndex) => {
    for (let index = 0; index < point.hitCount; index += 1) {
      const segment = (point.hits[index] as PlacedHit).segment;
      pointsBySegment[segment] = (pointsBySegment[segment] ?? 0) | (1 << pointIndex);
    }
  });
  for (const point of byPoint) {
    let kept = 0;
    for (let index = 0; index < point.hitCount; index += 1) {
      const hit = point.hits[index] as PlacedHit;
      const crowded = bitCount(pointsBySegment[hit.segment] ?? 0) >= CROWDED_SEGMENT_POINTS;
      // Dropped in place.
      if (steered && crowded) continue;
      if (hit.kind === 'explanatory' && crowded) hit.kind = 'sentence';
      point.hits[kept] = hit;
      kept += 1;
    }
    point.hitCount = kept;
  }
}

function bitCount(bits: number): number {
  let count = 0;
  for (let rest = bits; rest !== 0; rest &= rest - 1) count += 1;
  return count;
}

function quoteOf(text: TextReader, tokens: Tokens, segmentation: Segmentation, hit: Hit): string | undefined {
  const segment = segmentation.segments[hit.segment];
  return segment ? quoteEvidence(text, tokens, segment, hit.firstToken, hit.lastToken) : undefined;
}

/**
 * The per-answer arrays, reused from one score to the next (see reused-arrays.ts): scoreAnswer
 * is synchronous, and nothing it returns points into them.
 */
const REUSED = {
  tokens: { starts: new ReusedInt32(), ends: new ReusedInt32(), gaps: new ReusedUint16(), words: [], used: 0 } satisfies TokenArrays,
  segmentOfToken: new ReusedInt32(),
  terms: { ids: new ReusedInt32(), firstToken: new ReusedInt32(), lastToken: new ReusedInt32() } satisfies TermArrays,
  segmentOfTerm: new ReusedInt32(),
  rejections: new ReusedInt32(),
  hedged: new ReusedUint8(),
  termIndex: { offsets: new ReusedInt32(), flat: new ReusedInt32(), next: new ReusedInt32() } satisfies TermIndexArrays,
  pointOfHit: new ReusedInt32(),
  droppedHits: new ReusedUint8(),
  pointsBySegment: new ReusedUint8(),
  hitKeys: new ReusedFloat64(),
  hitOrder: new ReusedInt32(),
  firstStarts: new ReusedInt32(),
  segments: new ReusedSegments(),
};

export function scoreAnswer(question: Question, answer: string): ScoreResult {
  const rubric = compileRubric(question);
  startHits();
  const original = truncate(answer);
  // Text aimed at the grader is blanked, not removed: offsets stay those of the original, so
  // every quote is still a verbatim piece of what the person wrote. It is read blanked in
  // place (answer-text.ts), not copied.
  const flagged = findGraderAddressed(original, rubric.ids);
  const text = AnswerText.read(original, flagged);
  const steered = steersGrader(original, flagged);
  const tokens = tokenizeUnits(text.original, text.units, REUSED.tokens);
  const segmentation = segmentAnswer(text, tokens, REUSED.segmentOfToken, REUSED.segments);
  if (isBareList(tokens, segmentation)) for (const segment of segmentation.segments) segment.kind = 'fragment';
  const terms = answerTerms(tokens, rubric.compounds, rubric.termIds, rubric.alsoKeep, REUSED.terms);
  const segmentOfTerm = REUSED.segmentOfTerm.take(terms.count);
  for (let term = 0; term < terms.count; term += 1) {
    segmentOfTerm[term] = segmentation.segmentOfToken[terms.firstToken[term] ?? 0] ?? 0;
  }
  const rejections = findRejections(tokens, segmentation, REUSED.rejections, text);
  const misconceptions = findMisconceptions(question, text, tokens, segmentation, rejections);
  const hedged = hedgedTokens(tokens, REUSED.hedged);
  const context: HitContext = { terms, segmentation, segmentOfTerm, rejections, blocked: misconceptions.blocked, generic: rubric.generic, hedged, tokens, text };
  const termIndex = new TermIndex(terms, rubric.termIds.size, REUSED.termIndex);
  const byPoint = collectHits(rubric, termIndex, context);
  setAsideAlternatives(byPoint, segmentation, tokens, rejections);
  shareEvidence(byPoint);
  judgeEnumerationItems(byPoint, segmentation, tokens);
  uncrowd(byPoint, segmentation.segments.length, steered);
  // The per-point arrays of a score are pushed, not map()ped (here, for `points` and in
  // collectHits): optimised code's map() builds a holey array and unoptimised code's a packed one,
  // every later loop over the array checks for the kind it saw, and the mismatch deoptimised
  // scoreAnswer on about one score in three (each time to be optimised again).
  const assessments: Assessment[] = [];
  for (const point of byPoint) assessments.push(assessPoint(point.hits, point.hitCount));

  // An answer that mostly lists keywords gets no credit for the listed ones: an interviewer
  // hears buzzwords, not a design. Points it does explain keep their verdicts.
  let matched = 0;
  let listed = 0;
  let rulesOut = false;
  for (let index = 0; index < assessments.length; index += 1) {
    const reason = assessments[index]?.reason ?? 'none';
    if (reason !== 'none') matched += 1;
    if (reason === 'listed') listed += 1;
    if ((byPoint[index]?.rejectedCount ?? 0) > 0) rulesOut = true;
  }
  const stuffed = isKeywordStuffed({ listed, matched, rulesOut }, segmentation, tokens, context);

  const points: PointResult[] = [];
  for (let index = 0; index < rubric.points.length; index += 1) {
    const point = rubric.points[index] as CompiledPoint;
    const assessment = assessments[index] ?? { verdict: 'missed', reason: 'none' };
    const hitsOfPoint = byPoint[index];
    const rejected = hitsOfPoint && hitsOfPoint.rejectedCount > 0 ? hitsOfPoint.rejected[0] : undefined;
    let verdict = stuffed && assessment.reason === 'listed' ? 'missed' : assessment.verdict;
    // A multi-part point explained with a part left out is half there (parts.ts); only a
    // covered point is worth the check.
    const missing = verdict === 'covered' && point.parts.length > 0 ? missingParts(point.parts, point.id, termIndex, context) : NONE_MISSING;
    const partOnly = missing.length > 0;
    if (partOnly) verdict = 'partial';
    // An answer that tries to steer the grader loses the benefit of the doubt: what it says in
    // its own words still counts, but at most as partial.
    if (steered && verdict === 'covered') verdict = 'partial';
    // ...and a bare mention or a listed term earns nothing: it is exactly what a disguise offers.
    else if (steered && verdict === 'partial' && (assessment.reason === 'bare' || assessment.reason === 'listed')) verdict = 'missed';
    const result: PointResult = { id: point.id, verdict };
    const best = assessment.best;
    const evidence = best ? quoteOf(text, tokens, segmentation, best) : undefined;
    if (evidence) result.evidence = evidence;
    let reason = assessment.reason;
    if (assessment.reason === 'none' && rejected) {
      // Named only to be rejected: say so, and quote where.
      reason = 'ruledOut';
      const where = quoteOf(text, tokens, segmentation, rejected);
      result.ruledOut = where ?? point.theme;
    }
    const shown = reason === 'ruledOut' ? rejected : best;
    const matchedText = shown ? text.slice(tokens.starts[shown.firstToken] ?? 0, tokens.ends[shown.lastToken] ?? 0) : '';
    const note = verdict === 'covered' ? undefined : steered && assessment.verdict === 'covered' ? STEERED_NOTE : partOnly ? partsNote(missing) : noteFor(reason, point.theme, matchedText, stuffed);
    if (note) result.note = note;
    points.push(result);
  }

  const penalty = MISCONCEPTION_PENALTY * misconceptions.findings.length;
  const result: ScoreResult = {
    questionId: question.id,
    scorer: 'keyword',
    score: Math.max(0, weightedScore(question, points) - penalty),
    points,
    notices: [],
    decidedBy: 'keyword',
  };
  if (misconceptions.findings.length > 0) result.misconceptions = misconceptions.findings;
  if (flagged.length > 0) {
    result.graderAddressed = true;
    result.notices.push(GRADER_ADDRESSED_NOTICE);
  }
  if (stuffed) result.feedback = STUFFED_FEEDBACK;
  return result;
}

export class KeywordScorer implements Scorer {
  readonly name = 'keyword';

  async score(question: Question, answer: string): Promise<ScoreResult> {
    return scoreAnswer(question, answer);
  }
}

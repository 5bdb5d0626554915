import { findPhrase, type TermIndex } from './match.ts';
import { toTerms, type CompoundWords } from './terms.ts';
import { tokenize } from './tokenize.ts';

/*
 * Concept rules: a rubric point's idea in the words candidates use, as co-occurrence rules.
 *
 *   "decide|decision + after|once + trace complete|request finished"
 *
 * " + " joins groups, "|" separates alternatives within a group, and an alternative may be a
 * phrase. The rule matches a sentence that contains at least one alternative of every group,
 * in any order. A trailing "~N" also requires all groups within N words of each other
 * ("keep|retain + error ~4"). Alternatives are normalised like evidence phrases (stems, synonyms,
 * "not"/"per"/"by" kept, other function words dropped), except that an alternative made only
 * of function words ("once", "after") is kept as written.
 */

export interface CompiledAlternative {
  /** Term ids of the alternative, in order. */
  termIds: number[];
}

export interface CompiledConcept {
  /** The rule as the author wrote it. */
  text: string;
  groups: CompiledAlternative[][];
  /** Most words from the first to the last group, when the rule says "~N". */
  proximity?: number;
}

export interface ConceptSyntaxError {
  message: string;
}

const PROXIMITY = /\s*~\s*(\d{1,2})\s*$/;

/** The rule's groups of alternative texts, or an error saying what is wrong with it. */
export function parseConcept(rule: string): { groups: string[][]; proximity?: number } | ConceptSyntaxError {
  const proximityMatch = PROXIMITY.exec(rule);
  const body = proximityMatch ? rule.slice(0, proximityMatch.index) : rule;
  const groups = body.split('+').map((group) => group.split('|').map((alternative) => alternative.trim()).filter(Boolean));
  if (groups.length < 2) return { message: 'needs at least two groups joined by " + " (one group alone is an evidence phrase)' };
  if (groups.some((group) => group.length === 0)) return { message: 'has an empty group (check for "++" or a "+" at either end)' };
  const proximity = proximityMatch ? Number(proximityMatch[1]) : undefined;
  if (proximity !== undefined && proximity < groups.length) return { message: `"~${proximity}" is shorter than its ${groups.length} groups` };
  return proximity === undefined ? { groups } : { groups, proximity };
}

export function isConceptSyntaxError(value: ReturnType<typeof parseConcept>): value is ConceptSyntaxError {
  return 'message' in value;
}

/** The terms of one alternative, and whether it is made of function words only. */
export function alternativeTerms(alternative: string, compounds?: CompoundWords): { terms: string[]; functionWordsOnly: boolean } {
  const tokens = tokenize(alternative);
  const terms = toTerms(tokens, compounds).terms;
  if (terms.length > 0) return { terms, functionWordsOnly: false };
  return { terms: toTerms(tokens, compounds, 'all').terms, functionWordsOnly: true };
}

/**
 * Compiles a point's concept rules; `termId` numbers each term. Function-word terms that a rule
 * needs are added to `alsoKeep`, so the answer's terms include them. Malformed rules are
 * skipped here (content lint reports them).
 */
export function compileConcepts(
  rules: readonly string[],
  compounds: CompoundWords,
  termId: (term: string) => number,
  alsoKeep: Set<string>,
): CompiledConcept[] {
  const compiled: CompiledConcept[] = [];
  for (const rule of rules) {
    const parsed = parseConcept(rule);
    if (isConceptSyntaxError(parsed)) continue;
    const groups = parsed.groups.map((group) =>
      group
        .map((alternative) => {
          const { terms, functionWordsOnly } = alternativeTerms(alternative, compounds);
          if (functionWordsOnly) for (const term of terms) alsoKeep.add(term);
          return { termIds: terms.map(termId) };
        })
        .filter((alternative) => alternative.termIds.length > 0),
    );
    if (groups.some((group) => group.length === 0)) continue;
    compiled.push(parsed.proximity === undefined ? { text: rule, groups } : { text: rule, groups, proximity: parsed.proximity });
  }
  return compiled;
}

/** One place a concept rule matched: the term range of each group's chosen occurrence. */
export interface ConceptMatch {
  segment: number;
  /** [first, last] term pairs, one per group. */
  parts: readonly number[];
  first: number;
  last: number;
}

const MAX_PHRASE_OCCURRENCES = 16;
const MAX_MATCHES = 2;

/**
 * Where one alternative occurs: a slice of the term index (one term), or [first, last] pairs (a
 * phrase). Every concept rule of every point is tried on every score, so these are pooled and
 * refilled rather than made per rule (matchConcept is synchronous and not re-entrant).
 */
interface Occurrences {
  /** Single-term alternative: its term id; -1 for a phrase. */
  id: number;
  /** A phrase's first `count` [first, last] pairs; unused for a single term. */
  pairs: Int32Array;
  count: number;
}

/** Occurrences of the rule being matched, group after group: group g's alternatives are
 * OCCURRENCES[groupStarts[g]] up to OCCURRENCES[groupStarts[g + 1]]. */
const OCCURRENCES: Occurrences[] = [];
let groupStarts = new Int32Array(16);
/** Next occurrence of each anchor alternative to try. */
let cursors = new Int32Array(16);

function pooledOccurrences(slot: number): Occurrences {
  let occurrences = OCCURRENCES[slot];
  if (!occurrences) {
    occurrences = { id: -1, pairs: new Int32Array(MAX_PHRASE_OCCURRENCES * 2), count: 0 };
    OCCURRENCES[slot] = occurrences;
  }
  return occurrences;
}

function occursAll(index: TermIndex, termIds: readonly number[]): boolean {
  for (const id of termIds) if (index.from(id) === index.to(id)) return false;
  return true;
}

function fillOccurrences(index: TermIndex, alternative: CompiledAlternative, segmentOfTerm: Int32Array, into: Occurrences): void {
  const [only] = alternative.termIds;
  if (alternative.termIds.length === 1 && only !== undefined) {
    into.id = only;
    into.count = index.to(only) - index.from(only);
    return;
  }
  into.id = -1;
  into.count = occursAll(index, alternative.termIds) ? findPhrase(index, alternative.termIds, segmentOfTerm, MAX_PHRASE_OCCURRENCES, into.pairs) : 0;
}

// nearestIn's result: module-level so the search allocates nothing (it runs once per anchor and group).
let nearFirst = -1;
let nearLast = -1;

/** Finds the occurrence of `occurrences` in `segment` nearest to `anchor` into nearFirst/nearLast; false when none. */
function nearestIn(index: TermIndex, occurrences: Occurrences, anchor: number, segment: number, segmentOfTerm: Int32Array): boolean {
  let bestFirst = -1;
  let bestLast = -1;
  let bestDistance = Infinity;
  if (occurrences.id >= 0) {
    let low = index.from(occurrences.id);
    let high = index.to(occurrences.id);
    const first = low;
    const last = high - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (index.at(mid) < anchor) low = mid + 1;
      else high = mid;
    }
    for (let slot = Math.max(first, low - 1); slot <= Math.min(last, low + 1); slot += 1) {
      const position = index.at(slot);
      const distance = Math.abs(position - anchor);
      if (segmentOfTerm[position] === segment && distance < bestDistance) {
        bestFirst = position;
        bestLast = position;
        bestDistance = distance;
      }
    }
  } else {
    for (let item = 0; item < occurrences.count; item += 1) {
      const position = occurrences.pairs[item * 2] ?? 0;
      const distance = Math.abs(position - anchor);
      if (segmentOfTerm[position] === segment && distance < bestDistance) {
        bestFirst = position;
        bestLast = occurrences.pairs[item * 2 + 1] ?? position;
        bestDistance = distance;
      }
    }
  }
  nearFirst = bestFirst;
  nearLast = bestLast;
  return bestFirst >= 0;
}

function hasSegment(matches: readonly ConceptMatch[], count: number, segment: number): boolean {
  for (let index = 0; index < count; index += 1) if (matches[index]?.segment === segment) return true;
  return false;
}

/** Whether every term of some alternative of `group` occurs in the answer at all (cheap). */
function groupPossible(index: TermIndex, group: readonly CompiledAlternative[]): boolean {
  for (const alternative of group) if (occursAll(index, alternative.termIds)) return true;
  return false;
}

/** Start (first term) of occurrence `item` of an alternative. */
function occurrenceFirst(index: TermIndex, occurrences: Occurrences, item: number): number {
  return occurrences.id >= 0 ? index.at(index.from(occurrences.id) + item) : (occurrences.pairs[item * 2] ?? 0);
}

function occurrenceLast(index: TermIndex, occurrences: Occurrences, item: number): number {
  return occurrences.id >= 0 ? index.at(index.from(occurrences.id) + item) : (occurrences.pairs[item * 2 + 1] ?? 0);
}

/** Group ranges of the anchor being tried; copied into a match only when it succeeds. */
let partsScratch = new Int32Array(16);

/** Returned when a rule matches nowhere (most rules, on most answers): shared, never written. */
const NO_MATCHES: readonly ConceptMatch[] = Object.freeze([]);

/**
 * Match records (and their parts) reused from one score to the next, like the scorer's hit
 * records: a long answer matches dozens of rules, and fresh records were a good part of its
 * garbage. A record lives until startConceptMatches is called again (the scorer calls it when
 * a score starts); the list matchConcept returns lives until its next call.
 */
interface PooledMatch extends ConceptMatch {
  parts: number[];
}

const MATCH_POOL: PooledMatch[] = [];
/** Beyond this many matches in one score, records are made for the caller and not kept. */
const MAX_POOLED_MATCHES = 4_096;
let matchesTaken = 0;
/** The matches of the rule being matched; returned as RESULTS[count], a list of exactly `count`. */
const FOUND: PooledMatch[] = [];
const RESULTS: PooledMatch[][] = [];

/** Starts the match records over: every match handed out before is done with. */
export function startConceptMatches(): void {
  matchesTaken = 0;
}

/** A match record whose parts are the first `length` numbers of `parts`. */
function takeMatch(segment: number, parts: Int32Array, length: number, first: number, last: number): PooledMatch {
  let match = matchesTaken < MAX_POOLED_MATCHES ? MATCH_POOL[matchesTaken] : undefined;
  if (!match || match.parts.length !== length) {
    const kept: number[] = [];
    for (let index = 0; index < length; index += 1) kept.push(parts[index] ?? 0);
    match = { segment, parts: kept, first, last };
    if (matchesTaken < MAX_POOLED_MATCHES) MATCH_POOL[matchesTaken] = match;
  } else {
    for (let index = 0; index < length; index += 1) match.parts[index] = parts[index] ?? 0;
    match.segment = segment;
    match.first = first;
    match.last = last;
  }
  matchesTaken += 1;
  return match;
}

/**
 * Where `concept` matches in the answer: up to two sentences. The list is valid until the next
 * call, its records until startConceptMatches.
 */
export function matchConcept(index: TermIndex, concept: CompiledConcept, segmentOfTerm: Int32Array): readonly ConceptMatch[] {
  // Most rules fail on a missing word: find out before looking at positions.
  for (const group of concept.groups) if (!groupPossible(index, group)) return NO_MATCHES;
  const groups = concept.groups.length;
  if (groupStarts.length < groups + 1) groupStarts = new Int32Array((groups + 1) * 2);
  let slot = 0;
  // Anchor on the rarest group: fewest candidates to try, each checked against the others.
  let anchorGroup = 0;
  let fewest = Infinity;
  for (let group = 0; group < groups; group += 1) {
    groupStarts[group] = slot;
    let count = 0;
    for (const alternative of concept.groups[group] ?? []) {
      const occurrences = pooledOccurrences(slot);
      fillOccurrences(index, alternative, segmentOfTerm, occurrences);
      count += occurrences.count;
      slot += 1;
    }
    if (count < fewest) {
      fewest = count;
      anchorGroup = group;
    }
  }
  groupStarts[groups] = slot;
  if (partsScratch.length < groups * 2) partsScratch = new Int32Array(groups * 2);
  const parts = partsScratch;

  // The anchor group's occurrences in order of their first term, ties in alternative order:
  // each alternative's occurrences are already ascending, so a merge of them gives the order
  // a stable sort would, without building the list (the loop stops after MAX_MATCHES).
  const anchorFrom = groupStarts[anchorGroup] ?? 0;
  const anchorCount = (groupStarts[anchorGroup + 1] ?? 0) - anchorFrom;
  if (cursors.length < anchorCount) cursors = new Int32Array(anchorCount * 2);
  cursors.fill(0, 0, anchorCount);
  let found = 0;
  while (found < MAX_MATCHES) {
    let next = -1;
    let anchorFirst = 0;
    for (let alternative = 0; alternative < anchorCount; alternative += 1) {
      const occurrences = OCCURRENCES[anchorFrom + alternative];
      const item = cursors[alternative] ?? 0;
      if (!occurrences || item >= occurrences.count) continue;
      const start = occurrenceFirst(index, occurrences, item);
      if (next < 0 || start < anchorFirst) {
        next = alternative;
        anchorFirst = start;
      }
    }
    const anchorOccurrences = next >= 0 ? OCCURRENCES[anchorFrom + next] : undefined;
    if (!anchorOccurrences) break;
    const anchorLast = occurrenceLast(index, anchorOccurrences, cursors[next] ?? 0);
    cursors[next] = (cursors[next] ?? 0) + 1;

    const segment = segmentOfTerm[anchorFirst] ?? -1;
    if (hasSegment(FOUND, found, segment)) continue;
    let first = anchorFirst;
    let last = anchorLast;
    let complete = true;
    for (let group = 0; group < groups && complete; group += 1) {
      let chosenFirst = anchorFirst;
      let chosenLast = anchorLast;
      if (group !== anchorGroup) {
        let found = false;
        let bestDistance = Infinity;
        for (let alternative = groupStarts[group] ?? 0; alternative < (groupStarts[group + 1] ?? 0); alternative += 1) {
          const occurrences = OCCURRENCES[alternative];
          if (occurrences && nearestIn(index, occurrences, anchorFirst, segment, segmentOfTerm) && Math.abs(nearFirst - anchorFirst) < bestDistance) {
            chosenFirst = nearFirst;
            chosenLast = nearLast;
            bestDistance = Math.abs(nearFirst - anchorFirst);
            found = true;
          }
        }
        if (!found) {
          complete = false;
          break;
        }
      }
      parts[group * 2] = chosenFirst;
      parts[group * 2 + 1] = chosenLast;
      first = Math.min(first, chosenFirst);
      last = Math.max(last, chosenLast);
    }
    if (!complete) continue;
    if (concept.proximity !== undefined && last - first + 1 > concept.proximity) continue;
    // The same words can't stand for two groups ("trace" for both "trace" and "trace complete").
    if (overlappingParts(parts, groups)) continue;
    FOUND[found] = takeMatch(segment, parts, groups * 2, first, last);
    found += 1;
  }
  if (found === 0) return NO_MATCHES;
  // A list of exactly `found` matches, reused rather than made (its length never changes).
  let result = RESULTS[found];
  if (!result) {
    result = FOUND.slice(0, found);
    RESULTS[found] = result;
  }
  for (let index = 0; index < found; index += 1) {
    const match = FOUND[index];
    if (match) result[index] = match;
  }
  return result;
}

/** Whether two of the first `groups` ranges in `parts` share a term. */
function overlappingParts(parts: Int32Array, groups: number): boolean {
  for (let a = 0; a < groups; a += 1) {
    for (let b = a + 1; b < groups; b += 1) {
      const aFirst = parts[a * 2] ?? 0;
      const aLast = parts[a * 2 + 1] ?? 0;
      const bFirst = parts[b * 2] ?? 0;
      const bLast = parts[b * 2 + 1] ?? 0;
      if (!(aLast < bFirst || bLast < aFirst)) return true;
    }
  }
  return false;
}

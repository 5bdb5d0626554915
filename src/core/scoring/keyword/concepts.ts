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
  parts: Int32Array;
  first: number;
  last: number;
}

const MAX_PHRASE_OCCURRENCES = 16;
const MAX_MATCHES = 2;
const phraseSpans = new Int32Array(MAX_PHRASE_OCCURRENCES * 2);

/** Where one alternative occurs: a slice of the term index (one term), or [first, last] pairs (a phrase). */
interface Occurrences {
  /** Single-term alternative: its term id; -1 for a phrase. */
  id: number;
  pairs: Int32Array;
  count: number;
}

/** Shared by every single-term or absent alternative: nothing reads pairs past their length. */
const NO_PAIRS = new Int32Array(0);

function occurrencesOf(index: TermIndex, alternative: CompiledAlternative, segmentOfTerm: Int32Array): Occurrences {
  const [only] = alternative.termIds;
  if (alternative.termIds.length === 1 && only !== undefined) return { id: only, pairs: NO_PAIRS, count: index.to(only) - index.from(only) };
  if (!alternative.termIds.every((id) => index.from(id) !== index.to(id))) return { id: -1, pairs: NO_PAIRS, count: 0 };
  const found = findPhrase(index, alternative.termIds, segmentOfTerm, MAX_PHRASE_OCCURRENCES, phraseSpans);
  return { id: -1, pairs: phraseSpans.slice(0, found * 2), count: found };
}

/** The occurrence of `occurrences` in `segment` nearest to `anchor`, as [first, last], or undefined. */
function nearestIn(index: TermIndex, occurrences: Occurrences, anchor: number, segment: number, segmentOfTerm: Int32Array): [number, number] | undefined {
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
    for (let item = 0; item * 2 < occurrences.pairs.length; item += 1) {
      const position = occurrences.pairs[item * 2] ?? 0;
      const distance = Math.abs(position - anchor);
      if (segmentOfTerm[position] === segment && distance < bestDistance) {
        bestFirst = position;
        bestLast = occurrences.pairs[item * 2 + 1] ?? position;
        bestDistance = distance;
      }
    }
  }
  return bestFirst < 0 ? undefined : [bestFirst, bestLast];
}

function hasSegment(matches: readonly ConceptMatch[], segment: number): boolean {
  for (const match of matches) if (match.segment === segment) return true;
  return false;
}

/** Whether every term of some alternative of `group` occurs in the answer at all (cheap). */
function groupPossible(index: TermIndex, group: readonly CompiledAlternative[]): boolean {
  return group.some((alternative) => alternative.termIds.every((id) => index.from(id) !== index.to(id)));
}

/** Where `concept` matches in the answer: up to two sentences. */
export function matchConcept(index: TermIndex, concept: CompiledConcept, segmentOfTerm: Int32Array): ConceptMatch[] {
  // Most rules fail on a missing word: find out before looking at positions.
  if (!concept.groups.every((group) => groupPossible(index, group))) return [];
  const perGroup = concept.groups.map((group) => group.map((alternative) => occurrencesOf(index, alternative, segmentOfTerm)));
  // Anchor on the rarest group: fewest candidates to try, each checked against the others.
  let anchorGroup = 0;
  let fewest = Infinity;
  perGroup.forEach((alternatives, group) => {
    const count = alternatives.reduce((sum, alternative) => sum + alternative.count, 0);
    if (count < fewest) {
      fewest = count;
      anchorGroup = group;
    }
  });
  const anchors: [number, number][] = [];
  for (const alternative of perGroup[anchorGroup] ?? []) {
    if (alternative.id >= 0) {
      for (let slot = index.from(alternative.id); slot < index.to(alternative.id); slot += 1) anchors.push([index.at(slot), index.at(slot)]);
    } else {
      for (let item = 0; item * 2 < alternative.pairs.length; item += 1) anchors.push([alternative.pairs[item * 2] ?? 0, alternative.pairs[item * 2 + 1] ?? 0]);
    }
  }
  anchors.sort((a, b) => a[0] - b[0]);

  const matches: ConceptMatch[] = [];
  for (const [anchorFirst, anchorLast] of anchors) {
    if (matches.length >= MAX_MATCHES) break;
    const segment = segmentOfTerm[anchorFirst] ?? -1;
    if (hasSegment(matches, segment)) continue;
    const parts = new Int32Array(perGroup.length * 2);
    let first = anchorFirst;
    let last = anchorLast;
    let complete = true;
    for (let group = 0; group < perGroup.length && complete; group += 1) {
      let chosen: [number, number] | undefined = group === anchorGroup ? [anchorFirst, anchorLast] : undefined;
      if (!chosen) {
        let bestDistance = Infinity;
        for (const alternative of perGroup[group] ?? []) {
          const candidate = nearestIn(index, alternative, anchorFirst, segment, segmentOfTerm);
          if (candidate && Math.abs(candidate[0] - anchorFirst) < bestDistance) {
            chosen = candidate;
            bestDistance = Math.abs(candidate[0] - anchorFirst);
          }
        }
      }
      if (!chosen) {
        complete = false;
        break;
      }
      parts[group * 2] = chosen[0];
      parts[group * 2 + 1] = chosen[1];
      first = Math.min(first, chosen[0]);
      last = Math.max(last, chosen[1]);
    }
    if (!complete) continue;
    if (concept.proximity !== undefined && last - first + 1 > concept.proximity) continue;
    // The same words can't stand for two groups ("trace" for both "trace" and "trace complete").
    if (overlappingParts(parts)) continue;
    matches.push({ segment, parts, first, last });
  }
  return matches;
}

function overlappingParts(parts: Int32Array): boolean {
  for (let a = 0; a * 2 < parts.length; a += 1) {
    for (let b = a + 1; b * 2 < parts.length; b += 1) {
      const aFirst = parts[a * 2] ?? 0;
      const aLast = parts[a * 2 + 1] ?? 0;
      const bFirst = parts[b * 2] ?? 0;
      const bLast = parts[b * 2 + 1] ?? 0;
      if (!(aLast < bFirst || bLast < aFirst)) return true;
    }
  }
  return false;
}

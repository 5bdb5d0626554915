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

const MAX_OCCURRENCES = 16;
const MAX_MATCHES = 2;
const phraseSpans = new Int32Array(MAX_OCCURRENCES * 2);

/** Occurrences of a group's alternatives as [first, last] term pairs, sorted by first. */
function occurrences(index: TermIndex, group: readonly CompiledAlternative[], segmentOfTerm: Int32Array): Int32Array {
  const pairs: number[] = [];
  for (const alternative of group) {
    const [only] = alternative.termIds;
    if (alternative.termIds.length === 1 && only !== undefined) {
      for (let slot = index.from(only); slot < index.to(only) && pairs.length < MAX_OCCURRENCES * 8; slot += 1) {
        const position = index.at(slot);
        pairs.push(position, position);
      }
      continue;
    }
    const found = findPhrase(index, alternative.termIds, segmentOfTerm, MAX_OCCURRENCES, phraseSpans);
    for (let match = 0; match < found; match += 1) pairs.push(phraseSpans[match * 2] ?? 0, phraseSpans[match * 2 + 1] ?? 0);
  }
  if (group.length > 1 && pairs.length > 2) {
    const order = Array.from({ length: pairs.length / 2 }, (_, item) => item).sort((a, b) => (pairs[a * 2] ?? 0) - (pairs[b * 2] ?? 0));
    return Int32Array.from(order.flatMap((item) => [pairs[item * 2] ?? 0, pairs[item * 2 + 1] ?? 0]));
  }
  return Int32Array.from(pairs);
}

/** The occurrence in `pairs` (sorted by first term) nearest to `anchor` inside `segment`, as its index, or -1. */
function nearestInSegment(pairs: Int32Array, anchor: number, segment: number, segmentOfTerm: Int32Array): number {
  let low = 0;
  let high = pairs.length >> 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((pairs[mid * 2] ?? 0) < anchor) low = mid + 1;
    else high = mid;
  }
  let best = -1;
  let bestDistance = Infinity;
  for (const item of [low - 1, low]) {
    if (item < 0 || item * 2 >= pairs.length) continue;
    const first = pairs[item * 2] ?? 0;
    if (segmentOfTerm[first] !== segment) continue;
    const distance = Math.abs(first - anchor);
    if (distance < bestDistance) {
      best = item;
      bestDistance = distance;
    }
  }
  return best;
}

/** Where `concept` matches in the answer: up to two sentences. */
export function matchConcept(index: TermIndex, concept: CompiledConcept, segmentOfTerm: Int32Array): ConceptMatch[] {
  const perGroup: Int32Array[] = [];
  for (const group of concept.groups) {
    const pairs = occurrences(index, group, segmentOfTerm);
    if (pairs.length === 0) return [];
    perGroup.push(pairs);
  }
  // Anchor on the rarest group: fewest candidates to try.
  let anchorGroup = 0;
  perGroup.forEach((pairs, group) => {
    if (pairs.length < (perGroup[anchorGroup]?.length ?? Infinity)) anchorGroup = group;
  });
  const anchors = perGroup[anchorGroup] ?? new Int32Array();
  const matches: ConceptMatch[] = [];
  for (let item = 0; item * 2 < anchors.length && matches.length < MAX_MATCHES; item += 1) {
    const anchor = anchors[item * 2] ?? 0;
    const segment = segmentOfTerm[anchor] ?? -1;
    if (matches.some((match) => match.segment === segment)) continue;
    const parts = new Int32Array(perGroup.length * 2);
    let first = anchor;
    let last = anchors[item * 2 + 1] ?? anchor;
    let complete = true;
    for (let group = 0; group < perGroup.length; group += 1) {
      const pairs = perGroup[group] ?? new Int32Array();
      const chosen = group === anchorGroup ? item : nearestInSegment(pairs, anchor, segment, segmentOfTerm);
      if (chosen < 0) {
        complete = false;
        break;
      }
      const partFirst = pairs[chosen * 2] ?? 0;
      const partLast = pairs[chosen * 2 + 1] ?? partFirst;
      parts[group * 2] = partFirst;
      parts[group * 2 + 1] = partLast;
      first = Math.min(first, partFirst);
      last = Math.max(last, partLast);
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

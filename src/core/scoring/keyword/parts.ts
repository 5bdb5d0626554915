import type { CompiledPart } from './compile.ts';
import { matchConcept } from './concepts.ts';
import { isHedged } from './hedges.ts';
import { findPhrase, type TermIndex } from './match.ts';
import { dismissedBefore, rejectingCue } from './negation.ts';
import type { Segmentation } from './sentences.ts';
import { tokenInTermPairs, type AnswerTerms } from './terms.ts';

/*
 * Multi-part points: "six months of growth is 1.18x, the event triples that to 3.5x, and losing
 * a zone needs 1.5x more". An answer that works out the first two and stops has explained part
 * of the point, and an interviewer gives it half. A part counts only where the answer states it
 * as its own: not in a clause that rejects it ("a whole-system replay is not something we'd
 * bother with"), not floated ("maybe ... at some point"), not in a sentence that states a
 * misconception against the point, and not in text addressed to the grader (blanked before).
 */

export interface PartContext {
  terms: AnswerTerms;
  segmentation: Segmentation;
  segmentOfTerm: Int32Array;
  rejections: Int32Array;
  hedged: Uint8Array;
  blocked: ReadonlyMap<number, ReadonlySet<string>>;
}

/** Occurrences looked at per wording: enough to get past a rejected one or two. */
const MAX_OCCURRENCES = 6;
const SPANS = new Int32Array(MAX_OCCURRENCES * 2);

/** The names of the parts the answer does not state, in rubric order (empty for most points). */
export function missingParts(parts: readonly CompiledPart[], pointId: string, index: TermIndex, context: PartContext): string[] {
  const missing: string[] = [];
  for (const part of parts) if (!stated(part, pointId, index, context)) missing.push(part.name);
  return missing;
}

function stated(part: CompiledPart, pointId: string, index: TermIndex, context: PartContext): boolean {
  for (const phrase of part.phrases) {
    const count = findPhrase(index, phrase.termIds, context.segmentOfTerm, MAX_OCCURRENCES, SPANS);
    for (let match = 0; match < count; match += 1) {
      const first = SPANS[match * 2] ?? 0;
      if (counts(context, pointId, first, SPANS[match * 2 + 1] ?? first)) return true;
    }
  }
  for (const concept of part.concepts) {
    for (const match of matchConcept(index, concept, context.segmentOfTerm)) {
      let all = true;
      for (let group = 0; group * 2 < match.parts.length && all; group += 1) all = counts(context, pointId, match.parts[group * 2] ?? 0, match.parts[group * 2 + 1] ?? 0, match.parts);
      if (all) return true;
    }
  }
  return false;
}

/**
 * Terms [first, last] are the answer's own statement: not rejected, floated, contradicted or in a
 * directive. `ruleParts`: a concept rule's matched [first, last] term pairs, whose own words may
 * be the negator ("compared against last week" keeps last week, as the rule's "against").
 */
function counts(context: PartContext, pointId: string, first: number, last: number, ruleParts?: readonly number[]): boolean {
  const segment = context.segmentOfTerm[first] ?? 0;
  if (context.segmentation.segments[segment]?.directive) return false;
  if (context.blocked.get(segment)?.has(pointId)) return false;
  const firstToken = context.terms.firstToken[first] ?? 0;
  const lastToken = context.terms.lastToken[last] ?? firstToken;
  const cue = rejectingCue(context.rejections, firstToken, lastToken);
  // A negator among the rule's own words belongs to it, unless it dismisses the idea from after it.
  if (cue >= 0 && !(ruleParts && tokenInTermPairs(context.terms, ruleParts, cue) && !dismissedBefore(context.rejections, firstToken, lastToken))) return false;
  return !isHedged(context.hedged, firstToken, lastToken);
}

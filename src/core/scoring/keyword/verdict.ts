import type { Verdict } from '../types.ts';
import type { SegmentKind } from './sentences.ts';

/*
 * The covered / partial / missed rules for one rubric point, from the places its evidence
 * phrases were found. Modelled on what an interviewer ticks:
 * - covered: the idea is explained (a phrase inside a sentence that says how or why), or
 *   stated (a concept rule matched in a sentence: the idea in the candidate's own words), or
 *   corroborated (two different phrases at different places, at least one in prose);
 * - partial: named once in plain prose without explanation, or only dropped into a list;
 * - missed: nothing found.
 */

/** One place an evidence phrase matched. */
export interface Hit {
  /** Canonical key of the evidence phrase that matched. */
  key: string;
  /** Term range of the match, inclusive. */
  first: number;
  last: number;
  /** Token range of the match, inclusive, for quoting. */
  firstToken: number;
  lastToken: number;
  segment: number;
  kind: SegmentKind;
  /** A concept rule matched (the idea stated), rather than an evidence phrase (the idea named). */
  concept?: boolean;
  /** Made only of generic words of the question's area (see CompiledRubric.generic): at most partial. */
  generic?: boolean;
  /** Which item of an enumeration ("Plan: a, b, c") the hit is in; hits in one item are one mention. */
  item?: number;
}

/** Why a point got its verdict; drives the note. */
export type Reason = 'none' | 'listed' | 'bare' | 'explained' | 'stated' | 'corroborated' | 'ruledOut';

export interface Assessment {
  verdict: Verdict;
  reason: Reason;
  /** The hit to quote as evidence. */
  best?: Hit;
}

const KIND_RANK: Record<SegmentKind, number> = { fragment: 0, sentence: 1, explanatory: 2 };

/** A concept stated in prose ranks with an explanation: it says what the idea does, not just its name. */
function rank(hit: Hit): number {
  return hit.concept && hit.kind !== 'fragment' ? KIND_RANK.explanatory + 1 : KIND_RANK[hit.kind];
}

function strongest(hits: readonly Hit[], count: number, distinctiveOnly: boolean): Hit | undefined {
  let best: Hit | undefined;
  for (let index = 0; index < count; index += 1) {
    const hit = hits[index];
    if (hit && !(distinctiveOnly && hit.generic) && (!best || rank(hit) > rank(best))) best = hit;
  }
  return best;
}

/** Two different phrases at non-overlapping places, at least one of them in prose. */
function corroborated(hits: readonly Hit[], count: number): boolean {
  for (let i = 0; i < count; i += 1) {
    const a = hits[i];
    if (!a) continue;
    for (let j = i + 1; j < count; j += 1) {
      const b = hits[j];
      if (!b || a.key === b.key || (a.generic && b.generic)) continue;
      if (a.item !== undefined && a.segment === b.segment && a.item === b.item) continue;
      const apart = a.last < b.first || b.last < a.first;
      if (apart && (a.kind !== 'fragment' || b.kind !== 'fragment')) return true;
    }
  }
  return false;
}

/** `count`: how many of `hits` are the point's (the scorer reuses its lists; see keyword-scorer.ts). */
export function assessPoint(hits: readonly Hit[], count = hits.length): Assessment {
  // Generic words alone name the area, not the idea: the point is at most partial.
  // (The strongest distinctive hit is picked in place: a long list has hundreds of hits per
  // point, and a filtered copy of them was a good part of its garbage.)
  const best = strongest(hits, count, true);
  if (!best && count > 0) {
    const named = strongest(hits, count, false);
    return named?.kind === 'fragment' ? { verdict: 'partial', reason: 'listed', best: named } : { verdict: 'partial', reason: 'bare', best: named };
  }
  if (!best) return { verdict: 'missed', reason: 'none' };
  if (best.kind === 'fragment') return { verdict: 'partial', reason: 'listed', best };
  if (best.concept) return { verdict: 'covered', reason: 'stated', best };
  if (best.kind === 'explanatory') return { verdict: 'covered', reason: 'explained', best };
  if (corroborated(hits, count)) return { verdict: 'covered', reason: 'corroborated', best };
  return { verdict: 'partial', reason: 'bare', best };
}

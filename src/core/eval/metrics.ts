import type { Verdict } from '../scoring/types.ts';

/**
 * Agreement between human labels and a scorer, point by point. Pure math, no I/O.
 * Empty inputs give NaN: "no data" must not print as a perfect or a zero score.
 */
export const VERDICTS: readonly Verdict[] = ['covered', 'partial', 'missed'];

export interface VerdictPair {
  expected: Verdict;
  got: Verdict;
}

/** Share of points where the scorer's verdict equals the label. */
export function pointAccuracy(pairs: readonly VerdictPair[]): number {
  if (pairs.length === 0) return Number.NaN;
  return pairs.filter((pair) => pair.expected === pair.got).length / pairs.length;
}

/**
 * Cohen's kappa over the three verdict classes: agreement corrected for the agreement two
 * raters with these label frequencies would reach by chance, (po − pe) / (1 − pe).
 * When chance agreement is certain (both raters always give the same single class) kappa is
 * undefined: NaN.
 */
export function cohensKappa(pairs: readonly VerdictPair[], classes: readonly Verdict[] = VERDICTS): number {
  const n = pairs.length;
  if (n === 0) return Number.NaN;
  const observed = pairs.filter((pair) => pair.expected === pair.got).length / n;
  let chance = 0;
  for (const verdict of classes) {
    const expectedShare = pairs.filter((pair) => pair.expected === verdict).length / n;
    const gotShare = pairs.filter((pair) => pair.got === verdict).length / n;
    chance += expectedShare * gotShare;
  }
  if (1 - chance < 1e-12) return Number.NaN;
  return (observed - chance) / (1 - chance);
}

export interface ScorePair {
  expected: number;
  got: number;
}

export function meanAbsoluteError(pairs: readonly ScorePair[]): number {
  if (pairs.length === 0) return Number.NaN;
  return pairs.reduce((sum, pair) => sum + Math.abs(pair.expected - pair.got), 0) / pairs.length;
}

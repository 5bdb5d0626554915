import type { Question } from '../content/schema.ts';
import type { PointResult, Verdict } from '../scoring/types.ts';
import { weightedScore } from '../scoring/weighted-score.ts';
import type { SessionState } from './session-state.ts';

const RANK: Record<Verdict, number> = { missed: 0, partial: 1, covered: 2 };

export interface CoveredPoint extends PointResult {
  theme: string;
  point: string;
  weight: number;
}

/** Anything judged point by point: a rubric point or a requirement. */
export interface Gradable {
  id: string;
  theme: string;
  point: string;
  weight: number;
}

/** The best verdict each item reached across several answers' results. */
export function bestVerdicts(items: readonly Gradable[], results: readonly (readonly PointResult[])[]): CoveredPoint[] {
  return items.map((item) => {
    let best: PointResult = { id: item.id, verdict: 'missed' };
    for (const answer of results) {
      const result = answer.find((point) => point.id === item.id);
      if (!result) continue;
      // A higher verdict wins; at the same verdict, the latest answer's words (its evidence,
      // or the scorer's note on what is missing) are the most relevant to show.
      if (RANK[result.verdict] > RANK[best.verdict] || (RANK[result.verdict] === RANK[best.verdict] && (result.note || result.evidence))) best = result;
    }
    const covered: CoveredPoint = { ...best, theme: item.theme, point: item.point, weight: item.weight };
    if (best.verdict === 'missed' && !best.note) covered.note = `nothing yet on ${item.theme.toLowerCase()}`;
    return covered;
  });
}

function answersBy(state: SessionState, by: string | undefined) {
  return state.answers.filter((answer) => by === undefined || answer.by === by);
}

/**
 * The best verdict each rubric point has reached across all of one person's answers
 * (or everyone's, when `by` is omitted). Evidence comes from the answer that earned the verdict.
 */
export function coverageOf(question: Question, state: SessionState, by?: string): CoveredPoint[] {
  return bestVerdicts(question.rubric, answersBy(state, by).map((answer) => answer.points));
}

/** The same for the question's requirements (the requirements phase of a mock). */
export function requirementsCoverageOf(question: Question, state: SessionState, by?: string): CoveredPoint[] {
  return bestVerdicts(question.requirements, answersBy(state, by).map((answer) => answer.requirements ?? []));
}

export function rankOf(verdict: Verdict): number {
  return RANK[verdict];
}

export function coverageScore(question: Question, coverage: readonly PointResult[]): number {
  return weightedScore(question, coverage);
}

export function countVerdicts(coverage: readonly PointResult[]): Record<Verdict, number> {
  const counts: Record<Verdict, number> = { covered: 0, partial: 0, missed: 0 };
  for (const point of coverage) counts[point.verdict] += 1;
  return counts;
}

/** Uncovered points, most important first (weight, then rubric order). */
export function gapsByImportance(coverage: readonly CoveredPoint[]): CoveredPoint[] {
  return coverage
    .map((point, index) => ({ point, index }))
    .filter(({ point }) => point.verdict !== 'covered')
    .sort((a, b) => b.point.weight - a.point.weight || RANK[a.point.verdict] - RANK[b.point.verdict] || a.index - b.index)
    .map(({ point }) => point);
}

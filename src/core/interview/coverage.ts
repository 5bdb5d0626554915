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

/**
 * The best verdict each rubric point has reached across all of one person's answers
 * (or everyone's, when `by` is omitted). Evidence comes from the answer that earned the verdict.
 */
export function coverageOf(question: Question, state: SessionState, by?: string): CoveredPoint[] {
  const answers = state.answers.filter((answer) => by === undefined || answer.by === by);
  return question.rubric.map((rubricPoint) => {
    let best: PointResult = { id: rubricPoint.id, verdict: 'missed' };
    for (const answer of answers) {
      const result = answer.points.find((point) => point.id === rubricPoint.id);
      if (!result) continue;
      // A higher verdict wins; at the same verdict, the latest answer's words (its evidence,
      // or the scorer's note on what is missing) are the most relevant to show.
      if (RANK[result.verdict] > RANK[best.verdict] || (RANK[result.verdict] === RANK[best.verdict] && (result.note || result.evidence))) best = result;
    }
    const covered: CoveredPoint = { ...best, theme: rubricPoint.theme, point: rubricPoint.point, weight: rubricPoint.weight };
    if (best.verdict === 'missed' && !best.note) covered.note = `nothing yet on ${rubricPoint.theme.toLowerCase()}`;
    return covered;
  });
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

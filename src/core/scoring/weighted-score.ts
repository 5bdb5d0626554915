import type { Question } from '../content/schema.ts';
import type { PointResult, Verdict } from './types.ts';

export const VERDICT_CREDIT: Record<Verdict, number> = { covered: 1, partial: 0.5, missed: 0 };

/** The 0-100 score of a set of verdicts: covered counts fully, partial half, weighted. */
export function weightedScore(question: Question, points: readonly PointResult[]): number {
  const verdictById = new Map(points.map((point) => [point.id, point.verdict]));
  let earned = 0;
  let possible = 0;
  for (const rubricPoint of question.rubric) {
    possible += rubricPoint.weight;
    earned += rubricPoint.weight * VERDICT_CREDIT[verdictById.get(rubricPoint.id) ?? 'missed'];
  }
  return possible === 0 ? 0 : Math.round((earned / possible) * 100);
}

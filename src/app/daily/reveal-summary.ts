import type { Question } from '../../core/content/schema.ts';
import { coverageOf, coverageScore } from '../../core/interview/coverage.ts';
import type { SessionState } from '../../core/interview/session-state.ts';
import type { DailyRevealPoint } from '../ports.ts';

/**
 * The team's coverage of a daily question, from its session: who answered before the
 * reveal, and for each rubric point how many of them covered it (partial does not count).
 * Pure, so the numbers in the reveal and in the topic stats are the same numbers.
 *
 * Call-outs, only when the points differ: the strongest point is the most covered (ties:
 * the heavier, then the earlier in the rubric); the blind spot the least covered (ties: the
 * heavier, because missing an important point matters more, then the earlier).
 */
export interface TeamCoverage {
  answerers: string[];
  points: DailyRevealPoint[];
  strongest?: number;
  blindSpot?: number;
  /** Each answerer's coverage score (0–100); shown only for those who opted in. */
  scores: Map<string, number>;
}

function pick(points: readonly DailyRevealPoint[], better: (a: DailyRevealPoint, b: DailyRevealPoint) => number): number {
  let best = 0;
  points.forEach((point, index) => {
    const current = points[best] as DailyRevealPoint;
    if (better(point, current) < 0) best = index;
  });
  return best;
}

export function teamCoverage(question: Question, state: SessionState | undefined, cutoff: number): TeamCoverage {
  const counted: SessionState | undefined = state && { ...state, answers: state.answers.filter((answer) => answer.at < cutoff) };
  const answerers = counted ? [...new Set(counted.answers.map((answer) => answer.by))].sort() : [];
  const coveredBy = new Array<number>(question.rubric.length).fill(0);
  const scores = new Map<string, number>();
  for (const userId of answerers) {
    const coverage = coverageOf(question, counted as SessionState, userId);
    coverage.forEach((point, index) => {
      if (point.verdict === 'covered') coveredBy[index] = (coveredBy[index] ?? 0) + 1;
    });
    scores.set(userId, coverageScore(question, coverage));
  }
  const points = question.rubric.map((point, index) => ({ theme: point.theme, point: point.point, weight: point.weight, coveredBy: coveredBy[index] ?? 0 }));
  const result: TeamCoverage = { answerers, points, scores };
  const counts = points.map((point) => point.coveredBy);
  if (answerers.length > 0 && Math.max(...counts) !== Math.min(...counts)) {
    result.strongest = pick(points, (a, b) => b.coveredBy - a.coveredBy || b.weight - a.weight);
    result.blindSpot = pick(points, (a, b) => a.coveredBy - b.coveredBy || b.weight - a.weight);
  }
  return result;
}

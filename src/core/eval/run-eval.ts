import type { PointResult, Scorer, ScorerName, Verdict } from '../scoring/types.ts';
import { weightedScore } from '../scoring/weighted-score.ts';
import { SPLITS, type AnswerKind, type Split } from './dataset-schema.ts';
import type { EvalCase } from './load-dataset.ts';
import { cohensKappa, meanAbsoluteError, pointAccuracy } from './metrics.ts';
import { rankingChecks, type RankingReport } from './ranking-checks.ts';
import { issueTargets, type TargetResult } from './targets.ts';

/** One rubric point of one answer: the label and what the scorer said. */
export interface PointOutcome {
  id: string;
  expected: Verdict;
  actual: Verdict;
}

/** One labelled answer as the scorer saw it. */
export interface EvalOutcome {
  questionId: string;
  answerId: string;
  kind: AnswerKind;
  split: Split;
  /** Score implied by the human labels (weightedScore of the labels, the question's weights). */
  expectedScore: number;
  actualScore: number;
  /** Every rubric point, in rubric order. */
  points: PointOutcome[];
  /** Which scorer actually produced the result (an LLM scorer may fall back to keywords). */
  scoredBy: ScorerName;
  /** The scorer's own account of who decided ("llm:MODEL", "keyword (fallback: …)"), when it gives one. */
  decidedBy: string;
}

export interface KindSummary {
  kind: AnswerKind;
  answers: number;
  meanExpected: number;
  meanActual: number;
}

/** The figures of one split. Every figure is computed from that split's answers only. */
export interface SplitReport {
  split: Split;
  answers: number;
  questions: number;
  points: number;
  accuracy: number;
  kappa: number;
  mae: number;
  /** Answers not scored by the requested scorer (LLM fallbacks). */
  fallbacks: number;
  byKind: KindSummary[];
  /** Largest |expected − actual| score first; ties broken by more point disagreements. */
  worst: EvalOutcome[];
  ranking: RankingReport;
  targets: TargetResult[];
}

export interface EvalRun {
  scorer: ScorerName;
  outcomes: EvalOutcome[];
  /** One report per split present in the cases, tune first. */
  splits: SplitReport[];
}

export const WORST_COUNT = 5;

async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((sum, value) => sum + value, 0) / values.length;
}

export function disagreements(outcome: EvalOutcome): PointOutcome[] {
  return outcome.points.filter((point) => point.expected !== point.actual);
}

/** Summarises one split's outcomes (the caller filters). */
export function summariseSplit(split: Split, outcomes: readonly EvalOutcome[], scorer: ScorerName): SplitReport {
  const pairs = outcomes.flatMap((outcome) => outcome.points.map((point) => ({ expected: point.expected, got: point.actual })));
  const worst = outcomes
    .map((outcome, order) => ({ outcome, order, gap: Math.abs(outcome.expectedScore - outcome.actualScore), misses: disagreements(outcome).length }))
    .filter(({ gap, misses }) => gap > 0 || misses > 0)
    .sort((a, b) => b.gap - a.gap || b.misses - a.misses || a.order - b.order)
    .slice(0, WORST_COUNT)
    .map(({ outcome }) => outcome);
  const kinds = [...new Set(outcomes.map((outcome) => outcome.kind))];
  const byKind = kinds.map((kind): KindSummary => {
    const ofKind = outcomes.filter((outcome) => outcome.kind === kind);
    return {
      kind,
      answers: ofKind.length,
      meanExpected: mean(ofKind.map((outcome) => outcome.expectedScore)),
      meanActual: mean(ofKind.map((outcome) => outcome.actualScore)),
    };
  });
  const kappa = cohensKappa(pairs);
  const ranking = rankingChecks(outcomes);
  return {
    split,
    answers: outcomes.length,
    questions: new Set(outcomes.map((outcome) => outcome.questionId)).size,
    points: pairs.length,
    accuracy: pointAccuracy(pairs),
    kappa,
    mae: meanAbsoluteError(outcomes.map((outcome) => ({ expected: outcome.expectedScore, got: outcome.actualScore }))),
    fallbacks: outcomes.filter((outcome) => outcome.scoredBy !== scorer).length,
    byKind,
    worst,
    ranking,
    targets: issueTargets({ kappa, outcomes, ranking }),
  };
}

/** Scores every case with one scorer and measures agreement with the labels, split by split. */
export async function runEval(cases: readonly EvalCase[], scorer: Scorer, options: { concurrency?: number } = {}): Promise<EvalRun> {
  const outcomes = await mapWithConcurrency(cases, options.concurrency ?? 1, async ({ question, answer, split }): Promise<EvalOutcome> => {
    const result = await scorer.score(question, answer.text, { workspaceId: 'eval' });
    const actualById = new Map(result.points.map((point) => [point.id, point.verdict]));
    const expectedPoints: PointResult[] = question.rubric.map((point) => ({ id: point.id, verdict: answer.verdicts[point.id] ?? 'missed' }));
    return {
      questionId: question.id,
      answerId: answer.id,
      kind: answer.kind,
      split,
      expectedScore: weightedScore(question, expectedPoints),
      actualScore: result.score,
      points: expectedPoints.map(({ id, verdict }) => ({ id, expected: verdict, actual: actualById.get(id) ?? 'missed' })),
      scoredBy: result.scorer,
      decidedBy: result.decidedBy ?? result.scorer,
    };
  });
  const splits = SPLITS.filter((split) => outcomes.some((outcome) => outcome.split === split)).map((split) =>
    summariseSplit(split, outcomes.filter((outcome) => outcome.split === split), scorer.name),
  );
  return { scorer: scorer.name, outcomes, splits };
}

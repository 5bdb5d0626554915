import type { PointResult, Scorer, ScorerName, Verdict } from '../scoring/types.ts';
import { weightedScore } from '../scoring/weighted-score.ts';
import type { AnswerKind } from './dataset-schema.ts';
import type { EvalCase } from './load-dataset.ts';
import { cohensKappa, meanAbsoluteError, pointAccuracy, type VerdictPair } from './metrics.ts';

/** One labelled answer as the scorer saw it. */
export interface EvalOutcome {
  questionId: string;
  answerId: string;
  kind: AnswerKind;
  /** Score implied by the human labels (weightedScore of the labels). */
  expectedScore: number;
  gotScore: number;
  /** Points where the scorer disagreed with the label. */
  disagreements: { id: string; expected: Verdict; got: Verdict }[];
  /** Which scorer actually produced the result (an LLM scorer may fall back to keywords). */
  scoredBy: ScorerName;
}

export interface KindSummary {
  kind: AnswerKind;
  answers: number;
  meanExpected: number;
  meanGot: number;
}

export interface EvalReport {
  scorer: ScorerName;
  answers: number;
  points: number;
  accuracy: number;
  kappa: number;
  mae: number;
  /** Answers not scored by the requested scorer (LLM fallbacks). */
  fallbacks: number;
  /** Largest |expected − got| score first; ties broken by more point disagreements. */
  worst: EvalOutcome[];
  byKind: KindSummary[];
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

function mean(values: number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Scores every case with one scorer and measures agreement with the labels. */
export async function runEval(cases: readonly EvalCase[], scorer: Scorer, options: { concurrency?: number } = {}): Promise<EvalReport> {
  const pairs: VerdictPair[] = [];
  const outcomes = await mapWithConcurrency(cases, options.concurrency ?? 1, async ({ question, answer }): Promise<EvalOutcome> => {
    const result = await scorer.score(question, answer.text, { workspaceId: 'eval' });
    const gotById = new Map(result.points.map((point) => [point.id, point.verdict]));
    const expectedPoints: PointResult[] = question.rubric.map((point) => ({ id: point.id, verdict: answer.verdicts[point.id] ?? 'missed' }));
    const disagreements: EvalOutcome['disagreements'] = [];
    for (const { id, verdict: expected } of expectedPoints) {
      const got = gotById.get(id) ?? 'missed';
      pairs.push({ expected, got });
      if (got !== expected) disagreements.push({ id, expected, got });
    }
    return {
      questionId: question.id,
      answerId: answer.id,
      kind: answer.kind,
      expectedScore: weightedScore(question, expectedPoints),
      gotScore: result.score,
      disagreements,
      scoredBy: result.scorer,
    };
  });

  const worst = outcomes
    .map((outcome, order) => ({ outcome, order, gap: Math.abs(outcome.expectedScore - outcome.gotScore) }))
    .filter(({ outcome, gap }) => gap > 0 || outcome.disagreements.length > 0)
    .sort((a, b) => b.gap - a.gap || b.outcome.disagreements.length - a.outcome.disagreements.length || a.order - b.order)
    .slice(0, WORST_COUNT)
    .map(({ outcome }) => outcome);

  const kinds = [...new Set(outcomes.map((outcome) => outcome.kind))];
  const byKind = kinds.map((kind): KindSummary => {
    const ofKind = outcomes.filter((outcome) => outcome.kind === kind);
    return {
      kind,
      answers: ofKind.length,
      meanExpected: mean(ofKind.map((outcome) => outcome.expectedScore)),
      meanGot: mean(ofKind.map((outcome) => outcome.gotScore)),
    };
  });

  return {
    scorer: scorer.name,
    answers: outcomes.length,
    points: pairs.length,
    accuracy: pointAccuracy(pairs),
    kappa: cohensKappa(pairs),
    mae: meanAbsoluteError(outcomes.map((outcome) => ({ expected: outcome.expectedScore, got: outcome.gotScore }))),
    fallbacks: outcomes.filter((outcome) => outcome.scoredBy !== scorer.name).length,
    worst,
    byKind,
  };
}

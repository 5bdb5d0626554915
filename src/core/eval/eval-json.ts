import type { Split } from './dataset-schema.ts';
import type { RankingReport } from './ranking-checks.ts';
import type { EvalRun, KindSummary } from './run-eval.ts';
import type { TargetResult } from './targets.ts';

export interface SplitSummaryJson {
  answers: number;
  questions: number;
  points: number;
  /** null when there is nothing to measure. */
  pointAccuracy: number | null;
  kappa: number | null;
  scoreMae: number | null;
  fallbacks: number;
  byKind: KindSummary[];
  rankingChecks: RankingReport;
  targets: TargetResult[];
}

/**
 * The machine-readable eval (`obs-bot eval --json`). Stable field names for other tools;
 * figures that cannot be computed (no data) are null rather than NaN, which JSON lacks.
 */
export interface EvalJson {
  dataset: string;
  splits: Split[];
  runs: {
    scorer: string;
    answers: {
      questionId: string;
      answerId: string;
      kind: string;
      split: Split;
      scorer: string;
      expectedScore: number;
      actualScore: number;
      points: { id: string; expected: string; actual: string }[];
    }[];
    summary: Partial<Record<Split, SplitSummaryJson>>;
  }[];
}

function finite(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

export function toEvalJson(dataset: string, splits: Split[], runs: readonly EvalRun[]): EvalJson {
  return {
    dataset,
    splits,
    runs: runs.map((run) => ({
      scorer: run.scorer,
      answers: run.outcomes.map((outcome) => ({
        questionId: outcome.questionId,
        answerId: outcome.answerId,
        kind: outcome.kind,
        split: outcome.split,
        scorer: outcome.decidedBy,
        expectedScore: outcome.expectedScore,
        actualScore: outcome.actualScore,
        points: outcome.points.map((point) => ({ ...point })),
      })),
      summary: Object.fromEntries(
        run.splits.map((report): [Split, SplitSummaryJson] => [
          report.split,
          {
            answers: report.answers,
            questions: report.questions,
            points: report.points,
            pointAccuracy: finite(report.accuracy),
            kappa: finite(report.kappa),
            scoreMae: finite(report.mae),
            fallbacks: report.fallbacks,
            byKind: report.byKind,
            rankingChecks: report.ranking,
            targets: report.targets,
          },
        ]),
      ),
    })),
  };
}

/** JSON.stringify with NaN and infinities as null (the default already does, made explicit here). */
export function stringifyEvalJson(value: EvalJson): string {
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === 'number' && !Number.isFinite(item) ? null : item), 2);
}

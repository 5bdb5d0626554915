import type { Split } from './dataset-schema.ts';
import type { NegationFigures, NegationSplitResult } from './measure-negation.ts';

/** A figure that cannot be computed (no passages of that label) is null, as in the answer eval. */
type JsonFigures = { [K in keyof NegationFigures]: number | null };

export type NegationSplitJson =
  | { split: Split; file: string; present: false }
  | (JsonFigures & {
      split: Split;
      file: string;
      present: true;
      /** Tune only: indexes in the file. The held-out part is counted, never itemised. */
      missedIds?: number[];
      wronglyRejectedIds?: number[];
    });

export interface NegationJson {
  corpus: string;
  detector: 'ideaRejected';
  splits: NegationSplitJson[];
}

function orNull(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}

export function toNegationJson(corpusDir: string, results: readonly NegationSplitResult[]): NegationJson {
  const splits = results.map((result): NegationSplitJson => {
    if (!result.present) return result;
    const { figures } = result;
    const json: NegationSplitJson = {
      split: result.split,
      file: result.file,
      present: true,
      passages: figures.passages,
      rejected: figures.rejected,
      detected: figures.detected,
      recall: orNull(figures.recall),
      kept: figures.kept,
      wronglyRejected: figures.wronglyRejected,
      falseRejectionRate: orNull(figures.falseRejectionRate),
    };
    if (!result.listed) return json;
    return {
      ...json,
      missedIds: result.listed.missed.map((passage) => passage.id),
      wronglyRejectedIds: result.listed.wronglyRejected.map((passage) => passage.id),
    };
  });
  return { corpus: corpusDir, detector: 'ideaRejected', splits };
}

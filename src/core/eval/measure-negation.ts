import type { Split } from './dataset-schema.ts';
import type { NegationSplit } from './negation-corpus.ts';

/** Whether a rejection check reads `idea` (a verbatim piece of `text`) as rejected. */
export type RejectionDetector = (text: string, idea: string) => boolean;

/** A passage the detector got wrong; `id` is its index in its file. */
export interface NegationPassage {
  id: number;
  text: string;
  idea: string;
}

export interface NegationFigures {
  passages: number;
  /** Passages labelled rejected, and how many of them the detector read as rejected. */
  rejected: number;
  detected: number;
  /** detected / rejected; NaN without rejected passages. */
  recall: number;
  /** Passages labelled kept (adopted), and how many of them the detector read as rejected. */
  kept: number;
  wronglyRejected: number;
  /** wronglyRejected / kept; NaN without kept passages. */
  falseRejectionRate: number;
}

export type NegationSplitResult =
  | { split: Split; file: string; present: false }
  | {
      split: Split;
      file: string;
      present: true;
      figures: NegationFigures;
      /**
       * The passages the detector got wrong, for the tuning part only. The held-out part is
       * only counted: naming its misses would invite tuning the rules to them, so they are
       * not even kept here, where a report could print them.
       */
      listed?: { missed: NegationPassage[]; wronglyRejected: NegationPassage[] };
    };

function ratio(part: number, whole: number): number {
  return whole === 0 ? Number.NaN : part / whole;
}

/** Runs `detector` on every passage of every present split and counts what it got right. */
export function measureNegation(corpus: readonly NegationSplit[], detector: RejectionDetector): NegationSplitResult[] {
  return corpus.map((part): NegationSplitResult => {
    if (!part.present) return part;
    const missed: NegationPassage[] = [];
    const wronglyRejected: NegationPassage[] = [];
    let rejected = 0;
    let kept = 0;
    part.items.forEach((item, id) => {
      const detected = detector(item.text, item.idea);
      if (item.rejected) rejected += 1;
      else kept += 1;
      if (item.rejected && !detected) missed.push({ id, text: item.text, idea: item.idea });
      if (!item.rejected && detected) wronglyRejected.push({ id, text: item.text, idea: item.idea });
    });
    const detected = rejected - missed.length;
    const figures: NegationFigures = {
      passages: part.items.length,
      rejected,
      detected,
      recall: ratio(detected, rejected),
      kept,
      wronglyRejected: wronglyRejected.length,
      falseRejectionRate: ratio(wronglyRejected.length, kept),
    };
    const base = { split: part.split, file: part.file, present: true as const, figures };
    return part.split === 'tune' ? { ...base, listed: { missed, wronglyRejected } } : base;
  });
}

import type { CheckTotal, RankingCheckId, RankingReport } from './ranking-checks.ts';
import { STRONG_EXPECTED_MIN } from './ranking-checks.ts';
import type { EvalOutcome } from './run-eval.ts';

/**
 * The targets of issue 11, checked on one split. The issue states them for the held-out
 * part; the report shows them for both so the gap between the parts is visible.
 */
export const KAPPA_TARGET = 0.5;
export const STRONG_PARAPHRASE_TARGET = 60;
/** "A confidently wrong answer scores below the strong one on ≥ 10 of 12 questions." */
export const WRONG_BELOW_STRONG_SHARE = 10 / 12;

export type TargetStatus = 'pass' | 'fail' | 'n/a';

export interface TargetResult {
  id: string;
  label: string;
  status: TargetStatus;
  /** What was measured, e.g. "0.42" or "11/12". */
  measured: string;
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** A per-question ranking check that must hold on every question that has the answers for it. */
function everyQuestion(total: CheckTotal, label: string): TargetResult {
  const applicable = total.pass + total.fail;
  return {
    id: total.id,
    label,
    status: applicable === 0 ? 'n/a' : total.fail === 0 ? 'pass' : 'fail',
    measured: `${total.pass}/${applicable} questions${total.failed.length > 0 ? ` (fails: ${total.failed.join(', ')})` : ''}`,
  };
}

/**
 * "Negation adds nothing": the issue saw negated answers gain about 45 points, so the target is
 * their mean gain over their own labels, at most 0. The stricter per-answer ranking check
 * (every negated answer at or below its labels) is printed beside it: it also fails when a
 * point the answer never rejected is over-credited, which is ordinary scorer noise, not negation.
 */
function negationAddsNothing(outcomes: readonly EvalOutcome[], perAnswer: CheckTotal): TargetResult {
  const negated = outcomes.filter((outcome) => outcome.kind === 'negated');
  const gain = mean(negated.map((outcome) => outcome.actualScore - outcome.expectedScore));
  const applicable = perAnswer.pass + perAnswer.fail;
  return {
    id: perAnswer.id,
    label: 'negation adds nothing (negated answers gain <= 0 over their labels, on average)',
    status: negated.length === 0 ? 'n/a' : gain <= 0 ? 'pass' : 'fail',
    measured: negated.length === 0
      ? 'no negated answer'
      : `mean gain ${gain >= 0 ? '+' : ''}${gain.toFixed(1)} over ${negated.length} answers; every answer <= its labels on ${perAnswer.pass}/${applicable} questions`,
  };
}

export function issueTargets(input: { kappa: number; outcomes: readonly EvalOutcome[]; ranking: RankingReport }): TargetResult[] {
  const total = (id: RankingCheckId): CheckTotal => {
    const found = input.ranking.totals.find((candidate) => candidate.id === id);
    if (!found) throw new Error(`ranking check ${id} missing`);
    return found;
  };

  const strongParaphrases = input.outcomes.filter((outcome) => outcome.kind === 'paraphrase' && outcome.expectedScore >= STRONG_EXPECTED_MIN);
  const paraphraseMean = mean(strongParaphrases.map((outcome) => outcome.actualScore));

  const wrong = total('wrong-below-strong');
  const wrongApplicable = wrong.pass + wrong.fail;
  const wrongNeeded = Math.ceil(wrongApplicable * WRONG_BELOW_STRONG_SHARE - 1e-9);

  return [
    {
      id: 'kappa',
      label: `Cohen's kappa >= ${KAPPA_TARGET}`,
      status: Number.isNaN(input.kappa) ? 'n/a' : input.kappa >= KAPPA_TARGET ? 'pass' : 'fail',
      measured: Number.isNaN(input.kappa) ? 'n/a' : input.kappa.toFixed(3),
    },
    {
      id: 'strong-paraphrase-mean',
      label: `strong paraphrases average >= ${STRONG_PARAPHRASE_TARGET}`,
      status: strongParaphrases.length === 0 ? 'n/a' : paraphraseMean >= STRONG_PARAPHRASE_TARGET ? 'pass' : 'fail',
      measured: strongParaphrases.length === 0 ? 'no strong paraphrase' : `${paraphraseMean.toFixed(1)} over ${strongParaphrases.length} answers`,
    },
    {
      id: 'wrong-below-strong',
      label: 'confidently wrong below strong on >= 10 of 12 questions',
      status: wrongApplicable === 0 ? 'n/a' : wrong.pass >= wrongNeeded ? 'pass' : 'fail',
      measured: `${wrong.pass}/${wrongApplicable} questions (needs ${wrongNeeded})`,
    },
    everyQuestion(total('injection-at-most-10'), 'injection answers <= 10 (or the label of the real answer they wrap)'),
    everyQuestion(total('keyword-list-at-most-15'), 'keyword lists <= 15'),
    negationAddsNothing(input.outcomes, total('negation-adds-nothing')),
  ];
}

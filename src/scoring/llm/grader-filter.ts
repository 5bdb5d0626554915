import type { Question } from '../../core/content/schema.ts';
import { maskGraderDirectedText } from '../../core/scoring/instruction-text.ts';

/**
 * What the judge may see of an answer, and what its quotes may come from. Parts addressed
 * to the grader are kept from the judge and can never serve as evidence.
 *
 * TEMPORARY until the scorer branch's grader-addressed filter is merged: only the
 * instruction sentences of instruction-text.ts are found, and the judge still sees them.
 */
export interface FilteredAnswer {
  /** The answer as written. */
  original: string;
  /** What the judge is shown. */
  judged: string;
  /** The answer with every flagged passage replaced by a NUL, which no quote can match across. */
  quotable: string;
  /** True when any passage was flagged. */
  flagged: boolean;
}

export function filterForJudge(_question: Question, answer: string): FilteredAnswer {
  const masked = maskGraderDirectedText(answer);
  return { original: answer, judged: answer, quotable: masked.text, flagged: masked.masked > 0 };
}

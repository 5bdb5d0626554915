import type { Question } from '../../core/content/schema.ts';
import { blankSpans, findGraderAddressed } from '../../core/scoring/grader-addressed.ts';

/**
 * What the judge may see of an answer, and what its quotes may come from. The passages
 * findGraderAddressed flags (text addressed to the grader, calibration passages, structured
 * text, rubric ids, hidden characters) are blanked before the judge sees the answer, and a
 * quote that is only found inside one of them never counts as evidence.
 */
export interface FilteredAnswer {
  /** The answer as written. */
  original: string;
  /** What the judge is shown: flagged passages blanked, offsets kept (see blankSpans). */
  judged: string;
  /** The answer with every flagged passage replaced by a NUL, which no quote can match across. */
  quotable: string;
  /** True when any passage was flagged. */
  flagged: boolean;
}

export function filterForJudge(question: Question, answer: string): FilteredAnswer {
  const spans = findGraderAddressed(
    answer,
    question.rubric.map((point) => point.id),
  );
  let quotable = '';
  let from = 0;
  for (const span of spans) {
    quotable += `${answer.slice(from, span.start)}\u0000`;
    from = span.end;
  }
  quotable += answer.slice(from);
  return { original: answer, judged: blankSpans(answer, spans), quotable, flagged: spans.length > 0 };
}

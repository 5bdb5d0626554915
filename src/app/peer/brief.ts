import type { Pacing, Question } from '../../core/content/schema.ts';
import type { BriefQuestion } from './views.ts';

/** The interviewer's view of a question: everything but the evidence phrases (scorer detail). */
export function briefQuestion(question: Question, pacing: Pacing): BriefQuestion {
  return {
    title: question.title,
    summary: question.summary,
    level: question.level,
    rubric: question.rubric.map((point) => ({ id: point.id, theme: point.theme, point: point.point, weight: point.weight })),
    tradeOffs: question.tradeOffs,
    tip: question.tip,
    misconceptions: question.misconceptions.map((misconception) => misconception.claim),
    phases: pacing.phases.map((phase) => ({ title: phase.title, minutes: phase.minutes })),
  };
}

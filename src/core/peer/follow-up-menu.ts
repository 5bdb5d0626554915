import type { Question } from '../content/schema.ts';
import type { Verdict } from '../scoring/types.ts';

/**
 * The interviewer's follow-up menu: every follow-up of the question, with a stable id
 * (`f0`… functional, `n0`… non-functional), marked when already asked, and suggested when
 * it probes a rubric point the candidate has not covered yet (by the silent keyword score).
 */
export interface FollowUpChoice {
  id: string;
  kind: 'functional' | 'non-functional';
  ask: string;
  probes?: string;
  used: boolean;
  suggested: boolean;
}

export function followUpChoices(question: Question): Omit<FollowUpChoice, 'used' | 'suggested'>[] {
  return [
    ...question.followUps.functional.map((followUp, index) => ({ id: `f${index}`, kind: 'functional' as const, ask: followUp.ask, ...(followUp.probes ? { probes: followUp.probes } : {}) })),
    ...question.followUps.nonFunctional.map((followUp, index) => ({ id: `n${index}`, kind: 'non-functional' as const, ask: followUp.ask, ...(followUp.probes ? { probes: followUp.probes } : {}) })),
  ];
}

export function followUpById(question: Question, id: string): Omit<FollowUpChoice, 'used' | 'suggested'> | undefined {
  return followUpChoices(question).find((choice) => choice.id === id);
}

/** Suggested first, then unused, then used; the content's order within each group. */
export function followUpMenu(question: Question, used: readonly string[], verdicts: Record<string, Verdict>): FollowUpChoice[] {
  const choices = followUpChoices(question).map((choice) => {
    const isUsed = used.includes(choice.id);
    const suggested = !isUsed && choice.probes !== undefined && verdicts[choice.probes] !== 'covered';
    return { ...choice, used: isUsed, suggested };
  });
  const rank = (choice: FollowUpChoice): number => (choice.suggested ? 0 : choice.used ? 2 : 1);
  return choices.map((choice, index) => ({ choice, index })).sort((a, b) => rank(a.choice) - rank(b.choice) || a.index - b.index).map(({ choice }) => choice);
}

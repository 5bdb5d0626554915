import type { Question } from '../content/schema.ts';
import { coverageOf, gapsByImportance } from './coverage.ts';
import type { AskedPrompt, SessionState } from './session-state.ts';

export type PlannedFollowUp = Pick<AskedPrompt, 'text' | 'source' | 'targetPointId'>;

function alreadyAsked(state: SessionState, to: string | undefined): AskedPrompt[] {
  return state.asked.filter((prompt) => prompt.kind === 'follow-up' && prompt.to === to);
}

/** A probe for a rubric point that names the area, never the answer. */
export function probeFor(question: Question, pointId: string): string {
  const point = question.rubric.find((candidate) => candidate.id === pointId);
  if (!point) return 'What would you add to your design?';
  return point.probe ?? `Let's go deeper on ${point.theme.toLowerCase()}: how does your design handle it, and why that way?`;
}

/**
 * The next follow-up for one person. Order, as a real interviewer works:
 * 1. the scorer's adaptive follow-up (LLM), when it has one;
 * 2. a probe of the most important rubric point the person has not covered and was not yet probed on;
 * 3. the question's own follow-ups, alternating functional and non-functional, each asked once.
 * Returns undefined when there is nothing left worth asking.
 */
export function pickFollowUp(
  question: Question,
  state: SessionState,
  to: string | undefined,
  adaptive?: string,
): PlannedFollowUp | undefined {
  const asked = alreadyAsked(state, to);
  const probed = new Set(asked.map((prompt) => prompt.targetPointId).filter(Boolean));
  const gaps = gapsByImportance(coverageOf(question, state, to)).filter((gap) => !probed.has(gap.id));
  const target = gaps[0];

  if (adaptive && adaptive.trim() && !asked.some((prompt) => prompt.text === adaptive.trim())) {
    return { text: adaptive.trim(), source: 'adaptive', targetPointId: target?.id };
  }
  if (target) return { text: probeFor(question, target.id), source: 'rubric-probe', targetPointId: target.id };

  const askedTexts = new Set(asked.map((prompt) => prompt.text));
  const functional = question.followUps.functional.map((followUp) => followUp.ask).filter((text) => !askedTexts.has(text));
  const nonFunctional = question.followUps.nonFunctional.map((followUp) => followUp.ask).filter((text) => !askedTexts.has(text));
  const ownAsked = asked.filter((prompt) => prompt.source === 'functional' || prompt.source === 'nonFunctional');
  const lastWasFunctional = ownAsked.at(-1)?.source === 'functional';
  const preferred = lastWasFunctional ? nonFunctional : functional;
  const other = lastWasFunctional ? functional : nonFunctional;
  const preferredSource = lastWasFunctional ? 'nonFunctional' : 'functional';
  const otherSource = lastWasFunctional ? 'functional' : 'nonFunctional';
  if (preferred[0]) return { text: preferred[0], source: preferredSource };
  if (other[0]) return { text: other[0], source: otherSource };
  return undefined;
}

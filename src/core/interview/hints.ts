import type { Pacing, Question } from '../content/schema.ts';
import { coverageOf, gapsByImportance, requirementsCoverageOf } from './coverage.ts';
import type { EngineEvent } from './events.ts';
import { currentPrompt } from './judge.ts';
import { phaseFocus, pointFocus } from './phase-plan.ts';
import type { SessionState } from './session-state.ts';

/**
 * Hints that help without telling. A hint belongs to the question on screen and escalates:
 * the first names a concern, the second names the concept; there is no third, and neither
 * gives the answer. Content hints (a follow-up's `hints`, or the probed rubric point's) come
 * first; without them, a concern in general words, then the theme of the point in question.
 */
export const MAX_HINTS_PER_QUESTION = 2;

const GENERIC_CONCERN = 'Think about what happens when part of this fails, or when traffic grows tenfold: what would you notice first, and who would?';

function contentHints(question: Question, state: SessionState, promptIndex: number): string[] {
  const prompt = state.asked[promptIndex];
  if (!prompt) return [];
  if (prompt.source === 'functional' || prompt.source === 'nonFunctional') {
    const followUp = question.followUps[prompt.source].find((candidate) => candidate.ask === prompt.text);
    if (followUp && followUp.hints.length > 0) return followUp.hints;
  }
  const point = prompt.targetPointId ? question.rubric.find((candidate) => candidate.id === prompt.targetPointId) : undefined;
  return point?.hints ?? [];
}

/** The point a hint on this prompt is about: the one it probes, else the most important gap in its phase. */
function hintTarget(question: Question, state: SessionState, pacing: Pacing | undefined, promptIndex: number, to: string | undefined): { id: string; theme: string } | undefined {
  const prompt = state.asked[promptIndex];
  const probed = prompt?.targetPointId ? question.rubric.find((point) => point.id === prompt.targetPointId) : undefined;
  if (probed) return probed;
  const paced = pacing !== undefined && (state.mode === 'mock' || state.mode === 'peer');
  const focus = paced ? phaseFocus(pacing, state.phaseIndex) : undefined;
  if (focus === 'requirements') return gapsByImportance(requirementsCoverageOf(question, state, to))[0];
  const gaps = gapsByImportance(coverageOf(question, state, to));
  return (
    gaps.find((gap) => {
      const point = question.rubric.find((p) => p.id === gap.id);
      return !focus || (point !== undefined && pointFocus(point) === focus);
    }) ?? gaps[0]
  );
}

export function hintFor(
  question: Question,
  state: SessionState,
  pacing: Pacing | undefined,
  to: string | undefined,
  now: number,
): { state: SessionState; events: EngineEvent[] } {
  const { index } = currentPrompt(state, to);
  const given = state.hints.filter((hint) => hint.to === to && (hint.prompt ?? -1) === index).length;
  if (given >= MAX_HINTS_PER_QUESTION) {
    return { state, events: [{ type: 'notice', ...(to ? { to } : {}), text: 'That was the last hint for this question. Give it your best shot: rough thinking out loud counts too.' }] };
  }
  const level = given + 1;
  const target = hintTarget(question, state, pacing, index, to);
  const fromContent = contentHints(question, state, index)[level - 1];
  const phaseNudge = pacing && (state.mode === 'mock' || state.mode === 'peer') ? pacing.phases[state.phaseIndex]?.nudge : undefined;
  // A phase's opening question has its own concern in the pacing file: its nudge.
  const concern = phaseNudge && state.asked[index]?.source === 'phase' ? phaseNudge : GENERIC_CONCERN;
  const text = fromContent ?? (level === 1 ? concern : target ? `The idea to reach for here: ${target.theme.toLowerCase()}.` : 'Pick one request and follow it end to end through your design.');
  return {
    state: { ...state, lastActivityAt: now, hints: [...state.hints, { ...(to ? { to } : {}), prompt: index, level, ...(target ? { pointId: target.id } : {}) }] },
    events: [{ type: 'hint', ...(to ? { to } : {}), theme: target?.theme ?? 'this question', text, level, of: MAX_HINTS_PER_QUESTION }],
  };
}

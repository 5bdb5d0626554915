import type { Pacing, Question } from '../content/schema.ts';
import { coverageOf } from './coverage.ts';
import type { EngineEvent } from './events.ts';
import { finishStep, type Step } from './engine.ts';
import { candidatesFor, phaseFocus } from './phase-plan.ts';
import { isOverTime, phaseView } from './pacing.ts';
import type { SessionState } from './session-state.ts';

/**
 * The phases of a mock: a phase opens with its prompt (its first question and the only
 * question in that message), runs for its turns, or in a live session until its minutes are
 * up, and then the next opens. After the last phase, the scorecard.
 */
export function isPaced(state: SessionState, pacing: Pacing | undefined): boolean {
  return pacing !== undefined && pacing.phases.length > 0 && (state.mode === 'mock' || state.mode === 'peer');
}

/** One line that puts the question again, for an answer that did not address it. */
export function restatement(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 220 ? `${oneLine.slice(0, 219)}…` : oneLine;
}

export function openPhase(state: SessionState, pacing: Pacing, index: number, now: number, to = state.candidateId): Step {
  const phase = pacing.phases[index];
  if (!phase) return { state, events: [] };
  const next: SessionState = {
    ...state,
    phaseIndex: index,
    phaseStartedAt: now,
    phaseTurns: 0,
    asked: [...state.asked, { kind: 'follow-up', source: 'phase', text: phase.prompt, at: now, phase: index, ...(to ? { to } : {}) }],
  };
  const event: EngineEvent = { type: 'phase', phase: phaseView(pacing, index), prompt: phase.prompt, ...(to ? { to } : {}) };
  return { state: next, events: [event] };
}

function phaseIsOver(state: SessionState, pacing: Pacing, now: number): boolean {
  const phase = pacing.phases[state.phaseIndex];
  if (!phase) return true;
  if ((state.phaseTurns ?? 0) >= phase.turns) return true;
  return state.clock === 'wall' && now - (state.phaseStartedAt ?? state.startedAt) >= phase.minutes * 60_000;
}

/** The next question within the current phase, if it has one worth asking. */
function nextInPhase(state: SessionState, question: Question, pacing: Pacing, to: string | undefined, now: number): Step | undefined {
  const focus = phaseFocus(pacing, state.phaseIndex);
  const mine = state.asked.filter((prompt) => prompt.to === to || prompt.kind === 'question');
  const askedTexts = new Set(mine.map((prompt) => prompt.text));
  const probed = new Set(mine.map((prompt) => prompt.targetPointId).filter(Boolean));
  const covered = new Set(coverageOf(question, state, to).filter((point) => point.verdict === 'covered').map((point) => point.id));
  const candidate = candidatesFor(question, focus).find(
    (c) => !askedTexts.has(c.text) && (!c.targetPointId || (!covered.has(c.targetPointId) && !probed.has(c.targetPointId))),
  );
  if (!candidate) return undefined;
  const phase = pacing.phases[state.phaseIndex];
  const next: SessionState = {
    ...state,
    asked: [...state.asked, { kind: 'follow-up', source: candidate.source, text: candidate.text, at: now, phase: state.phaseIndex, ...(to ? { to } : {}), ...(candidate.targetPointId ? { targetPointId: candidate.targetPointId } : {}) }],
  };
  const targetTheme = candidate.targetPointId ? question.rubric.find((point) => point.id === candidate.targetPointId)?.theme : undefined;
  const event: EngineEvent = {
    type: 'follow-up',
    ...(to ? { to } : {}),
    text: candidate.text,
    number: (state.phaseTurns ?? 0) + 1,
    of: phase?.turns ?? 1,
    phase: phaseView(pacing, state.phaseIndex),
    ...(targetTheme ? { targetTheme } : {}),
  };
  return { state: next, events: [event] };
}

/** After a turn: the next question in this phase, else the next phase's prompt, else the scorecard. */
export function moveOn(state: SessionState, question: Question, pacing: Pacing, to: string | undefined, now: number, before: EngineEvent[]): Step {
  const finish = (from: SessionState): Step => {
    const done = finishStep(from, question, now, undefined, pacing);
    return { state: done.state, events: [...before, ...done.events] };
  };
  if (state.clock === 'wall' && isOverTime(pacing, now - state.startedAt)) return finish(state);
  if (!phaseIsOver(state, pacing, now)) {
    const asked = nextInPhase(state, question, pacing, to, now);
    if (asked) return { state: asked.state, events: [...before, ...asked.events] };
  }
  const following = state.phaseIndex + 1;
  if (following >= pacing.phases.length) return finish(state);
  const opened = openPhase(state, pacing, following, now, to);
  return { state: opened.state, events: [...before, ...opened.events] };
}

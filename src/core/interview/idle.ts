import type { Pacing, Question } from '../content/schema.ts';
import { finishStep, type Step } from './engine.ts';
import { DEFAULT_IDLE_POLICY, nudgeAfterMs, phaseView, type IdlePolicy } from './pacing.ts';
import { isPaced } from './phased.ts';
import type { SessionState } from './session-state.ts';

/**
 * Silence in a paced session. A chat thread (`turns` clock) is asynchronous: people answer
 * hours apart, so a silence earns one nudge after `nudgeAfterMs` (default 24 h) and the mock
 * closes with a friendly note after `expireAfterMs` (default 7 days). A live terminal
 * session (`wall` clock) gets one nudge per phase after half the phase's minutes.
 */
const DAY = 86_400_000;

function clockOf(state: SessionState): 'turns' | 'wall' {
  return state.clock ?? 'turns';
}

export function tick(state: SessionState, question: Question, pacing: Pacing, now: number, idle: IdlePolicy = DEFAULT_IDLE_POLICY): Step {
  if (state.status === 'finished' || !isPaced(state, pacing)) return { state, events: [] };
  const to = state.candidateId;
  const phase = phaseView(pacing, state.phaseIndex);
  const nudgeText = pacing.phases[state.phaseIndex]?.nudge ?? 'Take your time. Share your thinking so far, even if it is rough.';
  const silentFor = now - state.lastActivityAt;

  if (clockOf(state) === 'wall') {
    if (state.nudgedPhaseIndex === state.phaseIndex || silentFor < nudgeAfterMs(pacing, state.phaseIndex)) return { state, events: [] };
    return { state: { ...state, nudgedPhaseIndex: state.phaseIndex }, events: [{ type: 'nudge', text: nudgeText, phase, ...(to ? { to } : {}) }] };
  }

  if (silentFor >= idle.expireAfterMs) {
    const idleDays = Math.round(silentFor / DAY);
    const expired = { ...state, endedBy: 'expired' as const };
    const hasAnswers = state.answers.length > 0;
    const text = hasAnswers
      ? `This mock interview has been quiet for ${idleDays} days, so I’ve closed it. Here is your scorecard so far; start a fresh one whenever you like with /obs-question mock.`
      : `This mock interview has been quiet for ${idleDays} days, so I’ve closed it. No worries: start a fresh one whenever you like with /obs-question mock.`;
    const done = hasAnswers ? finishStep(expired, question, now, undefined, pacing) : { state: { ...expired, status: 'finished' as const, finishedAt: now }, events: [] };
    return { state: done.state, events: [{ type: 'expired', text, idleDays, ...(to ? { to } : {}) }, ...done.events] };
  }
  if (silentFor >= idle.nudgeAfterMs && state.nudgedAt !== state.lastActivityAt) {
    const expiresInDays = Math.max(1, Math.ceil((idle.expireAfterMs - silentFor) / DAY));
    return {
      state: { ...state, nudgedAt: state.lastActivityAt },
      events: [{ type: 'nudge', text: nudgeText, phase, expiresInDays, ...(to ? { to } : {}) }],
    };
  }
  return { state, events: [] };
}

/**
 * When a paced chat session next needs its timer: the one nudge, then the expiry, both
 * counted from the last activity. Undefined when it never does.
 */
export function nextTickAt(state: SessionState, pacing: Pacing | undefined, idle: IdlePolicy = DEFAULT_IDLE_POLICY): number | undefined {
  if (!pacing || state.status === 'finished' || !isPaced(state, pacing)) return undefined;
  if (clockOf(state) === 'wall') {
    return state.nudgedPhaseIndex === state.phaseIndex ? undefined : state.lastActivityAt + nudgeAfterMs(pacing, state.phaseIndex);
  }
  if (state.nudgedAt !== state.lastActivityAt) return state.lastActivityAt + idle.nudgeAfterMs;
  return state.lastActivityAt + idle.expireAfterMs;
}

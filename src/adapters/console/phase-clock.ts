import type { Pacing } from '../../core/content/schema.ts';
import { phaseView, totalMinutes } from '../../core/interview/pacing.ts';
import type { SessionState } from '../../core/interview/session-state.ts';

function minutes(ms: number): number {
  return Math.max(0, Math.floor(ms / 60_000));
}

/** `/time`: where the interview stands on the clock. */
export function phaseClock(state: SessionState, pacing: Pacing | undefined, now: number): string {
  const elapsed = minutes(now - state.startedAt);
  if (!pacing || (state.mode !== 'mock' && state.mode !== 'peer')) {
    return `⏱  ${elapsed} min since the question · ${state.asked.filter((p) => p.kind === 'follow-up' && p.source !== 'dig-in').length} of ${state.maxFollowUps} follow-ups asked\n`;
  }
  const phase = phaseView(pacing, state.phaseIndex);
  const inPhase = minutes(now - (state.phaseStartedAt ?? state.startedAt));
  const left = Math.max(0, totalMinutes(pacing) - elapsed);
  const turn = Math.min((state.phaseTurns ?? 0) + 1, phase.turns);
  return `⏱  ${phase.label} · ${inPhase} min into this phase · question ${turn} of ${phase.turns} · ${elapsed} min in, ~${left} min left in the round\n`;
}

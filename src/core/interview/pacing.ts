import type { Pacing, Phase } from '../content/schema.ts';

export interface PhaseView {
  index: number;
  count: number;
  id: string;
  title: string;
  minutes: number;
  prompt: string;
  /** Minutes from the session start at which this phase begins. */
  startsAtMinute: number;
}

export function totalMinutes(pacing: Pacing): number {
  return pacing.phases.reduce((sum, phase) => sum + phase.minutes, 0);
}

function view(pacing: Pacing, index: number): PhaseView {
  const phase = pacing.phases[index] as Phase;
  const startsAtMinute = pacing.phases.slice(0, index).reduce((sum, earlier) => sum + earlier.minutes, 0);
  return { index, count: pacing.phases.length, id: phase.id, title: phase.title, minutes: phase.minutes, prompt: phase.prompt, startsAtMinute };
}

export function phaseView(pacing: Pacing, index: number): PhaseView {
  return view(pacing, Math.min(Math.max(index, 0), pacing.phases.length - 1));
}

/** The phase a session should be in after `elapsedMs`, like the wall clock of a real round. */
export function phaseIndexAt(pacing: Pacing, elapsedMs: number): number {
  const elapsedMinutes = elapsedMs / 60_000;
  let end = 0;
  for (let index = 0; index < pacing.phases.length; index += 1) {
    end += (pacing.phases[index] as Phase).minutes;
    if (elapsedMinutes < end) return index;
  }
  return pacing.phases.length - 1;
}

export function isOverTime(pacing: Pacing, elapsedMs: number): boolean {
  return elapsedMs >= totalMinutes(pacing) * 60_000;
}

/**
 * How long a silence earns the one gentle nudge of a phase: half the phase, at least 2 minutes.
 * A real interviewer checks in once, not on a timer.
 */
export function nudgeAfterMs(pacing: Pacing, index: number): number {
  const phase = pacing.phases[index];
  return Math.max(2, (phase?.minutes ?? 4) / 2) * 60_000;
}

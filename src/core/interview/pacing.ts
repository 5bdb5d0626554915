import type { Pacing, Phase } from '../content/schema.ts';

/**
 * A phase as every platform shows it: `Phase 2/4 · Architecture · ~15 min` (`label`).
 * `index` counts from 1, like the label; `of` is the number of phases.
 */
export interface PhaseView {
  index: number;
  of: number;
  id: string;
  title: string;
  minutes: number;
  turns: number;
  label: string;
}

export function totalMinutes(pacing: Pacing): number {
  return pacing.phases.reduce((sum, phase) => sum + phase.minutes, 0);
}

export function phaseLabel(index: number, of: number, title: string, minutes: number): string {
  return `Phase ${index}/${of} · ${title} · ~${minutes} min`;
}

/** The view of phase `zeroBased` (clamped to the phases there are). */
export function phaseView(pacing: Pacing, zeroBased: number): PhaseView {
  const at = Math.min(Math.max(zeroBased, 0), pacing.phases.length - 1);
  const phase = pacing.phases[at] as Phase;
  const of = pacing.phases.length;
  return { index: at + 1, of, id: phase.id, title: phase.title, minutes: phase.minutes, turns: phase.turns, label: phaseLabel(at + 1, of, phase.title, phase.minutes) };
}

export function phaseAt(pacing: Pacing, zeroBased: number): Phase | undefined {
  return pacing.phases[zeroBased];
}

export function isOverTime(pacing: Pacing, elapsedMs: number): boolean {
  return elapsedMs >= totalMinutes(pacing) * 60_000;
}

/**
 * How long a silence in a live (terminal) session earns the phase's one gentle nudge: half
 * the phase, at least 2 minutes. A real interviewer checks in once, not on a timer.
 */
export function nudgeAfterMs(pacing: Pacing, index: number): number {
  const phase = pacing.phases[index];
  return Math.max(2, (phase?.minutes ?? 4) / 2) * 60_000;
}

/** In a chat thread: one nudge after this much silence, then the session expires. */
export interface IdlePolicy {
  nudgeAfterMs: number;
  expireAfterMs: number;
}

export const DEFAULT_IDLE_POLICY: IdlePolicy = { nudgeAfterMs: 24 * 3_600_000, expireAfterMs: 7 * 86_400_000 };

import type { Pacing, Question, RubricPoint } from '../content/schema.ts';

/**
 * What each phase of a mock asks about. The phases come from content/pacing.yaml; their
 * goal is read from the phase id (so a renamed phase keeps a sensible goal):
 * - requirements: what a strong candidate clarifies (the question's `requirements`);
 * - design (architecture): the rubric's design points, then the functional follow-ups;
 * - alerting (alerting and SLOs): alerting points, then the non-functional follow-ups;
 * - operations (operations and cost): cost and operations points, then what is left.
 */
export type PhaseFocus = 'requirements' | 'design' | 'alerting' | 'operations';

export function focusOf(phaseId: string): PhaseFocus {
  if (/requirement|clarif|scope/u.test(phaseId)) return 'requirements';
  if (/alert|slo/u.test(phaseId)) return 'alerting';
  if (/operat|cost|capacity/u.test(phaseId)) return 'operations';
  return 'design';
}

export function phaseFocus(pacing: Pacing, index: number): PhaseFocus {
  const phase = pacing.phases[index];
  return phase ? focusOf(phase.id) : 'design';
}

const ALERTING = /\b(alert\w*|slos?|slis?|burn|pag(e|es|ed|ing|er)|error budget|on-?call|wake|symptom|down|outage|fail\w*|degrad\w*|detect\w*)\b/iu;
const OPERATIONS = /\b(cost\w*|retention|storage|overhead|budget|capacity|bill\w*|owner\w*|rollout|roll (?:\w+[ -]){0,4}out|cardinality|privacy|pii|redact\w*|gdpr|sensitive|operat\w*|upgrade|spend|cheap\w*|expensive)\b/iu;

/** The phase a rubric point belongs to, from its words. */
export function pointFocus(point: RubricPoint): Exclude<PhaseFocus, 'requirements'> {
  const text = [point.theme, point.point, ...point.evidence].join(' ');
  if (ALERTING.test(`${point.theme} ${point.point}`)) return 'alerting';
  if (OPERATIONS.test(`${point.theme} ${point.point}`)) return 'operations';
  if (ALERTING.test(text)) return 'alerting';
  return 'design';
}

function textFocus(text: string): Exclude<PhaseFocus, 'requirements'> | undefined {
  if (ALERTING.test(text)) return 'alerting';
  if (OPERATIONS.test(text)) return 'operations';
  return undefined;
}

export type PromptSource = 'rubric-probe' | 'functional' | 'nonFunctional';

export interface Candidate {
  text: string;
  source: PromptSource;
  targetPointId?: string;
  /** Escalating hints from content: a concern, then the concept. */
  hints: string[];
}

export function probeText(point: RubricPoint): string {
  return point.probe ?? `Let's go deeper on ${point.theme.toLowerCase()}: how does your design handle it, and why that way?`;
}

function rubricCandidate(point: RubricPoint): Candidate {
  return { text: probeText(point), source: 'rubric-probe', targetPointId: point.id, hints: point.hints };
}

function followUpCandidates(question: Question, kind: 'functional' | 'nonFunctional'): Candidate[] {
  return question.followUps[kind].map((followUp) => {
    const probed = followUp.probes ? question.rubric.find((point) => point.id === followUp.probes) : undefined;
    return {
      text: followUp.ask,
      source: kind,
      ...(followUp.probes ? { targetPointId: followUp.probes } : {}),
      hints: followUp.hints.length > 0 ? followUp.hints : (probed?.hints ?? []),
    };
  });
}

function focusOfCandidate(question: Question, candidate: Candidate, kind: 'functional' | 'nonFunctional'): PhaseFocus {
  const point = candidate.targetPointId ? question.rubric.find((p) => p.id === candidate.targetPointId) : undefined;
  if (point) return pointFocus(point);
  return textFocus(candidate.text) ?? (kind === 'functional' ? 'design' : 'alerting');
}

/**
 * The prompts a phase may ask, best first: its own rubric points (most important first),
 * then the question's follow-ups that fit it; the architecture phase also takes any
 * functional follow-up. The caller drops what was asked or is already covered; a phase with
 * nothing left to ask ends early rather than borrow another phase's questions.
 */
export function candidatesFor(question: Question, focus: PhaseFocus): Candidate[] {
  if (focus === 'requirements') return [];
  const byWeight = [...question.rubric].sort((a, b) => b.weight - a.weight);
  const own = byWeight.filter((point) => pointFocus(point) === focus).map(rubricCandidate);
  const functional = followUpCandidates(question, 'functional');
  const nonFunctional = followUpCandidates(question, 'nonFunctional');
  const fitting = [...functional.map((c) => ({ c, kind: 'functional' as const })), ...nonFunctional.map((c) => ({ c, kind: 'nonFunctional' as const }))]
    .filter(({ c, kind }) => focusOfCandidate(question, c, kind) === focus)
    .map(({ c }) => c);
  return [...own, ...fitting, ...(focus === 'design' ? functional : [])];
}

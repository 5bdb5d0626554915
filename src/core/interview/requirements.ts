import type { Question, RubricPoint } from '../content/schema.ts';

/**
 * The requirements phase is judged against the question's `requirements`, not its design
 * rubric: "who relies on this, at what scale?" earns credit for clarifying scale, users,
 * SLOs and constraints. Any Scorer can judge them through this view, a question whose rubric
 * is the requirements list (same shape: theme, point, evidence, concepts, weight).
 * Memoised per question object, so scorers that cache per question keep working.
 */
const views = new WeakMap<Question, Question>();

export const REQUIREMENTS_SUFFIX = '--requirements';

export function requirementsView(question: Question): Question | undefined {
  if (question.requirements.length === 0) return undefined;
  const cached = views.get(question);
  if (cached) return cached;
  const rubric: RubricPoint[] = question.requirements.map((requirement) => ({
    id: requirement.id,
    theme: requirement.theme,
    point: requirement.point,
    evidence: requirement.evidence,
    weight: requirement.weight,
    concepts: requirement.concepts,
    hints: [],
  }));
  const view: Question = {
    ...question,
    id: `${question.id}${REQUIREMENTS_SUFFIX}`,
    rubric,
    followUps: { functional: [], nonFunctional: [] },
    // Misconceptions name design points they contradict; none apply to requirements.
    misconceptions: [],
  };
  views.set(question, view);
  return view;
}

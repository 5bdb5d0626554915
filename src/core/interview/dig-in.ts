import type { Question } from '../content/schema.ts';
import type { PointResult, Verdict } from '../scoring/types.ts';
import { gapsByImportance, type CoveredPoint } from './coverage.ts';
import type { DigIn } from './events.ts';
import { pointFocus, probeText, type PhaseFocus } from './phase-plan.ts';
import type { AskedPrompt, SessionState } from './session-state.ts';

/**
 * The dig-in rule: when an answer is thin on the point just asked, the interviewer asks
 * once more on the same point, quoting what was said ("You mentioned “a request id in
 * Kibana”. How does that survive the queue?"), and only then moves on. A dig-in is never
 * dug into again, and it does not use up a turn.
 */
const THIN_REQUIREMENTS_SHARE = 0.4;
const QUOTE_WORDS = 12;
const GENERIC = 'How exactly would that work, and what would break it first?';

export interface ThinInput {
  question: Question;
  prompt: AskedPrompt | undefined;
  focus: PhaseFocus | undefined;
  /** This answer's verdicts, and the person's coverage before it. */
  results: readonly PointResult[];
  improved: readonly string[];
  before: (id: string) => Verdict;
}

export function isThin(input: ThinInput): boolean {
  const { question, prompt, focus, results } = input;
  if (!prompt || prompt.source === 'dig-in') return false;
  if (focus === 'requirements') {
    // With no requirements list there is nothing to judge: acknowledge and move on.
    if (question.requirements.length === 0) return false;
    const total = question.requirements.reduce((sum, r) => sum + r.weight, 0);
    const credited = question.requirements.reduce((sum, r) => {
      const verdict = results.find((result) => result.id === r.id)?.verdict;
      return sum + (verdict === 'covered' ? r.weight : verdict === 'partial' ? r.weight / 2 : 0);
    }, 0);
    return credited / total < THIN_REQUIREMENTS_SHARE;
  }
  if (prompt.targetPointId) {
    if (input.before(prompt.targetPointId) === 'covered') return false;
    return results.find((result) => result.id === prompt.targetPointId)?.verdict !== 'covered';
  }
  return input.improved.length === 0;
}

/** The first sentence of the answer, short: what "you mentioned" quotes when the scorer found nothing to quote. */
export function leadingWords(text: string): string | undefined {
  const sentence = text.trim().split(/(?<=[.!?])\s+|\n+/u)[0]?.trim().replace(/[.!?,;:]+$/u, '');
  if (!sentence) return undefined;
  const words = sentence.split(/\s+/u);
  return words.length > QUOTE_WORDS ? `${words.slice(0, QUOTE_WORDS).join(' ')}…` : sentence;
}

function askedTexts(state: SessionState, to: string | undefined): Set<string> {
  return new Set(state.asked.filter((prompt) => prompt.to === to || prompt.kind === 'question').map((prompt) => prompt.text));
}

export interface DigInInput {
  question: Question;
  state: SessionState;
  to: string | undefined;
  prompt: AskedPrompt;
  focus: PhaseFocus | undefined;
  answer: string;
  results: readonly PointResult[];
  /** The person's coverage after this answer (rubric or requirements, matching the focus). */
  after: readonly CoveredPoint[];
  /** The LLM's adaptive follow-up, when the scorer wrote one: it takes the dig-in's role. */
  adaptive?: string;
}

export interface PlannedDigIn extends DigIn {
  targetPointId?: string;
}

export function digIn(input: DigInInput): PlannedDigIn | undefined {
  const { question, prompt, focus } = input;
  const asked = askedTexts(input.state, input.to);
  const gaps = gapsByImportance([...input.after]);
  let target: CoveredPoint | undefined;
  if (prompt.targetPointId) target = input.after.find((point) => point.id === prompt.targetPointId);
  // The broad requirements prompt: dig into what was not touched at all before what was half-said.
  else if (focus === 'requirements') target = gaps.find((gap) => gap.verdict === 'missed') ?? gaps[0];
  else {
    const inFocus = gaps.filter((gap) => {
      const point = question.rubric.find((p) => p.id === gap.id);
      return !focus || (point !== undefined && pointFocus(point) === focus);
    });
    // In a phase, a thin answer is dug into only on that phase's own points: the alerting
    // phase of a question with no alerting point has nothing to dig into.
    target = focus ? inFocus[0] : gaps[0];
  }
  if (!target) return undefined;
  const own = input.results.find((result) => result.id === target.id);
  const quote = own?.evidence ?? leadingWords(input.answer);
  const adaptive = input.adaptive?.trim();
  if (adaptive && !asked.has(adaptive)) return { text: adaptive, theme: target.theme, targetPointId: target.id };

  let question_: string;
  if (focus === 'requirements') question_ = `Before we design anything: what would you want to pin down about ${target.theme.toLowerCase()}?`;
  else {
    const probing = [...question.followUps.functional, ...question.followUps.nonFunctional].find((f) => f.probes === target.id && !asked.has(f.ask));
    const point = question.rubric.find((p) => p.id === target.id);
    const probe = point ? probeText(point) : undefined;
    // With the person's own words to quote, dig into those words; a content follow-up on the
    // same point reads as a change of subject after "You mentioned …".
    question_ = quote ? GENERIC : (probing?.ask ?? (probe && !asked.has(probe) ? probe : GENERIC));
  }
  const text = quote ? `You mentioned “${quote}”. ${question_}` : question_;
  return { text, ...(quote ? { quote } : {}), theme: target.theme, targetPointId: target.id };
}

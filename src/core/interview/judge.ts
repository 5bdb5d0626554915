import type { Question } from '../content/schema.ts';
import type { PointResult, ScoreResult } from '../scoring/types.ts';
import { noteFor } from '../scoring/keyword/notes.ts';
import { formNotes, inspectAnswer } from './answer-checks.ts';
import { bestVerdicts, rankOf, type CoveredPoint, type Gradable } from './coverage.ts';
import type { MisconceptionNote } from './events.ts';
import { isOffTopic } from './off-topic.ts';
import { EXCERPT_CHARS, type AnswerRecord, type AskedPrompt, type SessionState } from './session-state.ts';

/**
 * One answer, judged: its record for the session, what it added (in the person's words),
 * what it got wrong, and notes on its form. Shared by every mode; the modes differ only in
 * what they show and what they ask next.
 */
export interface Judged {
  record: AnswerRecord;
  offTopic: boolean;
  notes: string[];
  misconceptions: MisconceptionNote[];
  /** Items (rubric points, or requirements in that phase) this answer moved up, with its words. */
  added: { id: string; theme: string; quote: string }[];
  improved: string[];
  /** This answer's own verdicts on the items it was judged against. */
  results: PointResult[];
  /** The person's coverage of those items before and after this answer. */
  before: CoveredPoint[];
  after: CoveredPoint[];
  /** The items judged: the rubric, or the requirements. */
  items: readonly Gradable[];
}

export interface JudgeInput {
  by: string;
  text: string;
  /** Absent when there was nothing to judge against (a requirements phase with no list). */
  result: ScoreResult | undefined;
  now: number;
  prompt: AskedPrompt | undefined;
  promptIndex: number;
  phase?: number;
  againstRequirements: boolean;
  /** See AnswerRecord.cacheHash: kept only when the excerpt cuts the answer. */
  cacheHash?: string;
}

function answerResults(answer: AnswerRecord, requirements: boolean): PointResult[] {
  return requirements ? (answer.requirements ?? []) : answer.points;
}

/**
 * The results as the session keeps them: a missed point whose only note is the keyword
 * check's "no mention of <theme>" keeps its id and verdict alone. The debrief says "nothing
 * yet on <theme>" for such a point anyway (bestVerdicts), and those notes were about a tenth
 * of a session's Redis memory. Notes that say more (an LLM's reason, a ruled-out idea) stay.
 */
function withoutPlainMisses(results: readonly PointResult[], items: readonly Gradable[]): PointResult[] {
  return results.map((result) => {
    if (result.verdict !== 'missed' || result.evidence !== undefined || result.ruledOut !== undefined || result.note === undefined) return result;
    const item = items.find((candidate) => candidate.id === result.id);
    return item && result.note === noteFor('none', item.theme, '', false) ? { id: result.id, verdict: result.verdict } : result;
  });
}

export function judgeAnswer(state: SessionState, question: Question, input: JudgeInput): Judged {
  const inspection = inspectAnswer(input.text);
  const offTopic = isOffTopic(question, input.text, input.prompt?.text ?? question.title);
  const results = input.result?.points ?? [];
  const items: readonly Gradable[] = input.againstRequirements ? question.requirements : question.rubric;
  const mine = state.answers.filter((answer) => answer.by === input.by);
  const before = bestVerdicts(items, mine.map((answer) => answerResults(answer, input.againstRequirements)));
  const after = bestVerdicts(items, [...mine.map((answer) => answerResults(answer, input.againstRequirements)), results]);
  const improved = after.filter((point, index) => rankOf(point.verdict) > rankOf(before[index]?.verdict ?? 'missed')).map((point) => point.id);
  const added = improved.flatMap((id) => {
    const own = results.find((result) => result.id === id);
    const item = items.find((candidate) => candidate.id === id);
    return own?.evidence && item ? [{ id, theme: item.theme, quote: own.evidence }] : [];
  });
  const findings = input.result?.misconceptions ?? [];
  const misconceptions = findings.map((finding) => ({ claim: finding.claim, quote: finding.quote, correction: finding.correction }));
  const afterReveal = (state.reveals ?? []).some((reveal) => reveal.to === undefined || reveal.to === input.by);

  const record: AnswerRecord = {
    by: input.by,
    at: input.now,
    excerpt: input.text.trim().slice(0, EXCERPT_CHARS),
    scorer: input.result?.scorer ?? 'keyword',
    score: input.result?.score ?? 0,
    points: input.againstRequirements ? [] : withoutPlainMisses(results, items),
    prompt: input.promptIndex,
  };
  if (input.phase !== undefined) record.phase = input.phase;
  if (input.againstRequirements) record.requirements = withoutPlainMisses(results, items);
  if (findings.length > 0) record.misconceptions = findings.map((finding) => ({ id: finding.id, quote: finding.quote }));
  if (afterReveal) record.afterReveal = true;
  if (offTopic) record.offTopic = true;
  if (input.cacheHash && record.excerpt.length < input.text.trim().length) record.cacheHash = input.cacheHash;
  const notes = formNotes(inspection);
  if (input.result?.graderAddressed) notes.push('Parts of this answer spoke to the grader rather than the interviewer; those parts were not scored.');
  return { record, offTopic, notes, misconceptions, added, improved, results, before, after, items };
}

/** The last prompt put to this person (the question itself when nothing else was). */
export function currentPrompt(state: SessionState, to: string | undefined): { prompt: AskedPrompt | undefined; index: number } {
  for (let index = state.asked.length - 1; index >= 0; index -= 1) {
    const prompt = state.asked[index];
    if (prompt && (prompt.to === to || prompt.kind === 'question')) return { prompt, index };
  }
  return { prompt: undefined, index: 0 };
}

/** The text to score: repeated sentences once (see answer-checks.ts). */
export function textToScore(text: string): string {
  return inspectAnswer(text).scoredText;
}

import type { Pacing, Question } from '../content/schema.ts';
import { UserError } from '../errors.ts';
import type { ScoreResult } from '../scoring/types.ts';
import { coverageOf, coverageScore } from './coverage.ts';
import { digIn, isThin } from './dig-in.ts';
import type { EngineEvent } from './events.ts';
import { pickFollowUp } from './follow-up-picker.ts';
import { hintFor } from './hints.ts';
import { currentPrompt, judgeAnswer, type Judged } from './judge.ts';
import { phaseFocus } from './phase-plan.ts';
import { phaseView, totalMinutes } from './pacing.ts';
import { isPaced, moveOn, openPhase, restatement } from './phased.ts';
import { requirementsView } from './requirements.ts';
import { buildScorecard } from './scorecard.ts';
import type { SessionMode, SessionState } from './session-state.ts';

/**
 * The interview engine: pure functions from (state, input) to (new state, events).
 * Scoring happens before these calls (it may be an LLM round trip), so the engine stays
 * synchronous, deterministic and trivially testable. Inputs are never mutated.
 *
 * - channel question: answer → private feedback (the rubric, with the answer's words) → follow-up.
 * - terminal practice: answer → reaction (with a running score) → dig-in or follow-up → scorecard.
 * - mock (and peer): four phases from content/pacing.yaml, each a few turns; answer →
 *   reaction (no score) → dig-in, next question, or next phase → scorecard at the end.
 */
export interface Step {
  state: SessionState;
  events: EngineEvent[];
}

export const DEFAULT_MAX_FOLLOW_UPS: Record<SessionMode, number> = { practice: 3, channel: 2, mock: 6, peer: 4 };

export interface StartOptions {
  id: string;
  question: Question;
  mode: SessionMode;
  now: number;
  pacing?: Pacing;
  candidateId?: string;
  interviewerId?: string;
  maxFollowUps?: number;
  /** A paced session's clock: `turns` in a chat thread (default), `wall` in a live terminal session. */
  clock?: 'turns' | 'wall';
}

export function startSession(options: StartOptions): Step {
  const { question, mode, now } = options;
  const maxFollowUps = options.maxFollowUps ?? DEFAULT_MAX_FOLLOW_UPS[mode];
  const state: SessionState = {
    v: 1,
    id: options.id,
    questionId: question.id,
    mode,
    status: 'active',
    startedAt: now,
    lastActivityAt: now,
    maxFollowUps,
    phaseIndex: 0,
    asked: [{ kind: 'question', text: question.title, source: 'question', at: now, ...(options.candidateId ? { to: options.candidateId } : {}) }],
    answers: [],
    hints: [],
  };
  if (options.candidateId) state.candidateId = options.candidateId;
  if (options.interviewerId) state.interviewerId = options.interviewerId;
  const paced = options.pacing !== undefined && isPaced(state, options.pacing);
  const round = paced && options.pacing ? { phases: options.pacing.phases.length, minutes: totalMinutes(options.pacing), turns: options.pacing.phases.reduce((sum, p) => sum + p.turns, 0) } : undefined;
  const events: EngineEvent[] = [{ type: 'question', question, mode, maxFollowUps, ...(options.candidateId ? { candidateId: options.candidateId } : {}), ...(round ? { round } : {}) }];
  if (!paced || !options.pacing) return { state, events };
  const opened = openPhase({ ...state, clock: options.clock ?? 'turns' }, options.pacing, 0, now);
  return { state: opened.state, events: [...events, ...opened.events] };
}

/** Whether this person's replies count as answers in this session. */
export function canAnswer(state: SessionState, userId: string): boolean {
  return state.candidateId === undefined || state.mode === 'channel' || state.candidateId === userId;
}

function assertActive(state: SessionState): void {
  if (state.status === 'finished') {
    throw new UserError('session_finished', 'This interview has finished. Start a new one to keep practising.');
  }
}

/** Follow-ups that count towards the limit: not the phases' opening prompts, not dig-ins. */
export function followUpsAskedTo(state: SessionState, to: string | undefined): number {
  return state.asked.filter((prompt) => prompt.kind === 'follow-up' && prompt.to === to && prompt.source !== 'dig-in' && prompt.source !== 'phase').length;
}

/** The person follow-ups go to: the candidate in a 1:1 session, the answerer in a channel. */
function audienceFor(state: SessionState, by: string): string {
  return state.mode === 'channel' ? by : (state.candidateId ?? by);
}

export function finishStep(state: SessionState, question: Question, now: number, by: string | undefined, pacing?: Pacing): Step {
  const card = buildScorecard(question, state, now, by, pacing);
  // A channel question stays open for everyone else; a 1:1 session is over.
  if (state.mode === 'channel') return { state, events: [{ type: 'scorecard', scorecard: card }] };
  return { state: { ...state, status: 'finished', finishedAt: now }, events: [{ type: 'scorecard', scorecard: card }] };
}

function askNext(state: SessionState, question: Question, to: string, now: number, adaptive?: string): Step {
  const planned = pickFollowUp(question, state, to, adaptive);
  if (!planned) return finishStep(state, question, now, state.mode === 'channel' ? to : undefined);
  const number = followUpsAskedTo(state, to) + 1;
  const next: SessionState = { ...state, asked: [...state.asked, { kind: 'follow-up', to, at: now, ...planned }] };
  const targetTheme = question.rubric.find((point) => point.id === planned.targetPointId)?.theme;
  const event: EngineEvent = { type: 'follow-up', to, text: planned.text, number, of: state.maxFollowUps, ...(targetTheme ? { targetTheme } : {}) };
  return { state: next, events: [event] };
}

/**
 * What an answer given now should be scored against: the question's requirements in a
 * mock's requirements phase (`undefined` there when the question has none: nothing is
 * judged), otherwise the question itself. Callers score before calling `recordAnswer`.
 */
export function scoringTarget(state: SessionState, question: Question, pacing: Pacing | undefined): Question | undefined {
  if (pacing && isPaced(state, pacing) && phaseFocus(pacing, state.phaseIndex) === 'requirements') return requirementsView(question);
  return question;
}

export interface AnswerInput {
  by: string;
  text: string;
  /** The score against `scoringTarget(…)`; absent when that was undefined. */
  result?: ScoreResult;
  now: number;
  /** The LLM score cache's hash of the scored text, kept when the answer is longer than its excerpt (AnswerRecord.cacheHash). */
  cacheHash?: string;
}

function validate(state: SessionState, input: AnswerInput): string {
  assertActive(state);
  const text = input.text.trim();
  if (!text) throw new UserError('empty_answer', 'That answer is empty. Write a few sentences, then send it.');
  if (!canAnswer(state, input.by)) {
    throw new UserError('not_candidate', 'This is a 1:1 mock interview, so only the candidate’s replies are scored. Start your own with /obs-question mock.');
  }
  return text;
}

/** A channel question: the rubric at once, privately, then the next follow-up or the scorecard. */
function channelAnswer(state: SessionState, question: Question, input: AnswerInput, text: string): Step {
  const { index, prompt } = currentPrompt(state, input.by);
  const judged = judgeAnswer(state, question, { by: input.by, text, result: input.result, now: input.now, prompt, promptIndex: index, againstRequirements: false, ...(input.cacheHash ? { cacheHash: input.cacheHash } : {}) });
  const next: SessionState = { ...state, lastActivityAt: input.now, answers: [...state.answers, judged.record] };
  // The coverage judged with this answer's own results, notes included (the stored record
  // drops its generic "no mention of" notes: judge.ts, withoutPlainMisses).
  const after = judged.after;
  const events: EngineEvent[] = [
    {
      type: 'feedback',
      to: input.by,
      scorer: input.result?.scorer ?? 'keyword',
      answerScore: input.result?.score ?? 0,
      score: coverageScore(question, after),
      points: after,
      improved: judged.improved,
      notices: input.result?.notices ?? [],
      ...(input.result?.feedback ? { feedback: input.result.feedback } : {}),
      ...(judged.misconceptions.length ? { misconceptions: judged.misconceptions } : {}),
      ...(judged.offTopic ? { offTopic: restatement(question.title) } : {}),
      ...(judged.notes.length ? { notes: judged.notes } : {}),
    },
  ];
  if (followUpsAskedTo(next, input.by) >= next.maxFollowUps) {
    const done = finishStep(next, question, input.now, input.by);
    return { state: done.state, events: [...events, ...done.events] };
  }
  const ask = askNext(next, question, input.by, input.now, input.result?.followUp);
  return { state: ask.state, events: [...events, ...ask.events] };
}

function reactionOf(judged: Judged, to: string, input: AnswerInput): Extract<EngineEvent, { type: 'reaction' }> {
  return {
    type: 'reaction',
    to,
    added: judged.added.map(({ theme, quote }) => ({ theme, quote })),
    misconceptions: judged.misconceptions,
    notes: judged.notes,
    notices: input.result?.notices ?? [],
  };
}

function offTopicAlready(state: SessionState, by: string, promptIndex: number): boolean {
  return state.answers.some((answer) => answer.by === by && answer.offTopic && answer.prompt === promptIndex);
}

/** A short reply that asks to move on, in a chat thread where there are no commands. */
const MOVE_ON_PHASE = /^(?:ok(?:ay)?[,.]?\s*)?(?:let'?s\s+)?(?:move on|go on|next phase)[.!]*$/iu;
const SKIP_QUESTION = /^(?:skip|pass|next|next question|skip this(?: one)?)[.!]*$/iu;

/**
 * A 1:1 answer (terminal practice, or a paced mock): react to it; restate the question once
 * if it was off-topic; dig in once if it was thin on the point asked; otherwise move on.
 */
function oneToOneAnswer(state: SessionState, question: Question, pacing: Pacing | undefined, input: AnswerInput, text: string): Step {
  const to = audienceFor(state, input.by);
  const paced = pacing !== undefined && isPaced(state, pacing);
  // "Let's move on" ends the phase; "skip" skips the question. Neither is scored.
  if (paced && pacing && MOVE_ON_PHASE.test(text)) return nextPhase(state, question, pacing, input.by, input.now);
  if (SKIP_QUESTION.test(text)) return nextFollowUp(state, question, pacing, input.by, input.now);
  const focus = paced && pacing ? phaseFocus(pacing, state.phaseIndex) : undefined;
  const { index, prompt } = currentPrompt(state, to);
  const againstRequirements = focus === 'requirements';
  const judged = judgeAnswer(state, question, {
    by: input.by,
    text,
    result: input.result,
    now: input.now,
    prompt,
    promptIndex: index,
    againstRequirements,
    ...(paced ? { phase: state.phaseIndex } : {}),
    ...(input.cacheHash ? { cacheHash: input.cacheHash } : {}),
  });
  let next: SessionState = { ...state, lastActivityAt: input.now, answers: [...state.answers, judged.record] };
  const reaction = reactionOf(judged, to, input);
  if (paced && pacing) reaction.phase = phaseView(pacing, state.phaseIndex);
  if (!paced) {
    const covered = coverageOf(question, next, input.by);
    reaction.running = { covered: covered.filter((point) => point.verdict === 'covered').length, of: covered.length, score: coverageScore(question, covered) };
  }

  if (judged.offTopic && !offTopicAlready(state, input.by, index)) {
    reaction.offTopic = restatement(prompt?.text ?? question.title);
    return { state: next, events: [reaction] };
  }

  const beforeVerdict = (id: string) => judged.before.find((point) => point.id === id)?.verdict ?? 'missed';
  const thin = isThin({ question, prompt, focus, results: judged.results, improved: judged.improved, before: beforeVerdict });
  if (thin && prompt) {
    const planned = digIn({ question, state, to, prompt, focus, answer: text, results: judged.results, after: judged.after, ...(input.result?.followUp ? { adaptive: input.result.followUp } : {}) });
    if (planned) {
      next = {
        ...next,
        asked: [...next.asked, { kind: 'follow-up', source: 'dig-in', text: planned.text, to, at: input.now, ...(planned.targetPointId && !againstRequirements ? { targetPointId: planned.targetPointId } : {}), ...(paced ? { phase: state.phaseIndex } : {}) }],
      };
      const { targetPointId: _target, ...shown } = planned;
      reaction.digIn = shown;
      return { state: next, events: [reaction] };
    }
  }

  if (paced && pacing) return moveOn({ ...next, phaseTurns: (next.phaseTurns ?? 0) + 1 }, question, pacing, to, input.now, [reaction]);
  if (followUpsAskedTo(next, to) >= next.maxFollowUps) {
    const done = finishStep(next, question, input.now, undefined);
    return { state: done.state, events: [reaction, ...done.events] };
  }
  const ask = askNext(next, question, to, input.now);
  return { state: ask.state, events: [reaction, ...ask.events] };
}

/**
 * Records a scored answer and decides what comes next. In a channel: private feedback and
 * a follow-up. In a 1:1 session: a reaction, then one question (a dig-in, the next question,
 * or the next phase's prompt) or the scorecard.
 */
export function recordAnswer(state: SessionState, question: Question, pacing: Pacing | undefined, input: AnswerInput): Step {
  const text = validate(state, input);
  if (state.mode === 'channel') return channelAnswer(state, question, input, text);
  return oneToOneAnswer(state, question, pacing, input, text);
}

/** "Skip" / "Next": moves on without answering. In a mock the skipped question uses its turn. */
export function nextFollowUp(state: SessionState, question: Question, pacing: Pacing | undefined, by: string, now: number): Step {
  assertActive(state);
  const to = audienceFor(state, by);
  if (pacing && isPaced(state, pacing)) return moveOn({ ...state, lastActivityAt: now, phaseTurns: (state.phaseTurns ?? 0) + 1 }, question, pacing, to, now, []);
  if (followUpsAskedTo(state, to) >= state.maxFollowUps) return finishStep(state, question, now, state.mode === 'channel' ? by : undefined);
  return askNext({ ...state, lastActivityAt: now }, question, to, now);
}

/** The candidate says "let's move on": the current phase ends now (terminal `/next`). */
export function nextPhase(state: SessionState, question: Question, pacing: Pacing, by: string, now: number): Step {
  assertActive(state);
  if (!isPaced(state, pacing)) return nextFollowUp(state, question, undefined, by, now);
  const turns = pacing.phases[state.phaseIndex]?.turns ?? 0;
  return moveOn({ ...state, lastActivityAt: now, phaseTurns: Math.max(turns, state.phaseTurns ?? 0) }, question, pacing, audienceFor(state, by), now, []);
}

/** A hint on the question on screen: a concern first, then the concept; never the answer. */
export function giveHint(state: SessionState, question: Question, by: string, now: number, pacing?: Pacing): Step {
  assertActive(state);
  return hintFor(question, state, pacing, audienceFor(state, by), now);
}

/** The key points, trade-offs and tip, for "Reveal key points" and the daily reveal. */
export function revealKeyPoints(question: Question): EngineEvent {
  return {
    type: 'reveal',
    questionId: question.id,
    keyPoints: question.rubric.map((point) => ({ theme: point.theme, point: point.point, weight: point.weight })),
    tradeOffs: question.tradeOffs,
    tip: question.tip,
  };
}

/** The reveal inside a session: remembered, so later answers carry no level signal. */
export function revealInSession(state: SessionState, question: Question, by: string, now: number): Step {
  const to = audienceFor(state, by);
  if (state.status === 'finished') return { state, events: [revealKeyPoints(question)] };
  return { state: { ...state, reveals: [...(state.reveals ?? []), { to, at: now }] }, events: [revealKeyPoints(question)] };
}

/** Ends a 1:1 session with its scorecard; in a channel, gives the presser their own scorecard. */
export function finishSession(state: SessionState, question: Question, by: string, now: number, pacing?: Pacing): Step {
  assertActive(state);
  return finishStep(state, question, now, state.mode === 'channel' ? by : undefined, pacing);
}

export { tick, nextTickAt } from './idle.ts';

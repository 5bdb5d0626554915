import type { Pacing, Question } from '../content/schema.ts';
import { UserError } from '../errors.ts';
import type { ScoreResult } from '../scoring/types.ts';
import { coverageOf, coverageScore, gapsByImportance } from './coverage.ts';
import type { EngineEvent } from './events.ts';
import { pickFollowUp } from './follow-up-picker.ts';
import { isOverTime, nudgeAfterMs, phaseIndexAt, phaseView } from './pacing.ts';
import { buildScorecard } from './scorecard.ts';
import { EXCERPT_CHARS, type SessionMode, type SessionState } from './session-state.ts';

/**
 * The interview engine: pure functions from (state, input) to (new state, events).
 * ask → answer → feedback → follow-up → … → wrap-up (scorecard).
 * Scoring happens before these calls (it may be an LLM round trip), so the engine stays
 * synchronous, deterministic and trivially testable. Inputs are never mutated.
 */
export interface Step {
  state: SessionState;
  events: EngineEvent[];
}

export const DEFAULT_MAX_FOLLOW_UPS: Record<SessionMode, number> = { practice: 3, channel: 2, mock: 6, peer: 4 };

/** Modes that follow the pacing phases of a real round. */
const PACED: ReadonlySet<SessionMode> = new Set(['mock', 'peer', 'practice']);

export interface StartOptions {
  id: string;
  question: Question;
  mode: SessionMode;
  now: number;
  pacing?: Pacing;
  candidateId?: string;
  interviewerId?: string;
  maxFollowUps?: number;
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
  const events: EngineEvent[] = [{ type: 'question', question, mode, maxFollowUps, ...(options.candidateId ? { candidateId: options.candidateId } : {}) }];
  if (options.pacing && PACED.has(mode)) events.push({ type: 'phase', phase: phaseView(options.pacing, 0) });
  return { state, events };
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

function followUpsAskedTo(state: SessionState, to: string | undefined): number {
  return state.asked.filter((prompt) => prompt.kind === 'follow-up' && prompt.to === to).length;
}

/** The person follow-ups go to: the candidate in a 1:1 session, the answerer in a channel. */
function audienceFor(state: SessionState, by: string): string {
  return state.mode === 'channel' ? by : (state.candidateId ?? by);
}

function finishStep(state: SessionState, question: Question, now: number, by: string | undefined): Step {
  const card = buildScorecard(question, state, now, by);
  // A channel question stays open for everyone else; a 1:1 session is over.
  if (state.mode === 'channel') return { state, events: [{ type: 'scorecard', scorecard: card }] };
  return { state: { ...state, status: 'finished', finishedAt: now }, events: [{ type: 'scorecard', scorecard: card }] };
}

function askNext(state: SessionState, question: Question, to: string, now: number, adaptive?: string): Step {
  const planned = pickFollowUp(question, state, to, adaptive);
  if (!planned) return finishStep(state, question, now, state.mode === 'channel' ? to : undefined);
  const number = followUpsAskedTo(state, to) + 1;
  const next: SessionState = {
    ...state,
    asked: [...state.asked, { kind: 'follow-up', to, at: now, ...planned }],
  };
  const targetTheme = question.rubric.find((point) => point.id === planned.targetPointId)?.theme;
  const event: EngineEvent = { type: 'follow-up', to, text: planned.text, number, of: state.maxFollowUps, ...(targetTheme ? { targetTheme } : {}) };
  return { state: next, events: [event] };
}

/** Phase change since the last activity, for paced sessions. */
function advancePhase(state: SessionState, pacing: Pacing | undefined, now: number): Step {
  if (!pacing || !PACED.has(state.mode)) return { state, events: [] };
  const index = phaseIndexAt(pacing, now - state.startedAt);
  if (index <= state.phaseIndex) return { state, events: [] };
  return { state: { ...state, phaseIndex: index }, events: [{ type: 'phase', phase: phaseView(pacing, index) }] };
}

export interface AnswerInput {
  by: string;
  text: string;
  result: ScoreResult;
  now: number;
}

/**
 * Records a scored answer: feedback for its author, then the next follow-up, or the
 * scorecard when the follow-ups (or, in a paced session, the clock) have run out.
 */
export function recordAnswer(state: SessionState, question: Question, pacing: Pacing | undefined, input: AnswerInput): Step {
  assertActive(state);
  const text = input.text.trim();
  if (!text) throw new UserError('empty_answer', 'That answer is empty. Write a few sentences, then send it.');
  if (!canAnswer(state, input.by)) {
    throw new UserError('not_candidate', 'This is a 1:1 mock interview, so only the candidate’s replies are scored. Start your own with /obs-question mock.');
  }
  const before = coverageOf(question, state, input.by);
  let next: SessionState = {
    ...state,
    lastActivityAt: input.now,
    answers: [
      ...state.answers,
      { by: input.by, at: input.now, excerpt: text.slice(0, EXCERPT_CHARS), scorer: input.result.scorer, score: input.result.score, points: input.result.points },
    ],
  };
  const after = coverageOf(question, next, input.by);
  const improved = after.filter((point, index) => point.verdict !== before[index]?.verdict).map((point) => point.id);
  const events: EngineEvent[] = [
    {
      type: 'feedback',
      to: input.by,
      scorer: input.result.scorer,
      answerScore: input.result.score,
      score: coverageScore(question, after),
      points: after,
      improved,
      notices: input.result.notices,
      ...(input.result.feedback ? { feedback: input.result.feedback } : {}),
    },
  ];

  const to = audienceFor(next, input.by);
  const outOfFollowUps = followUpsAskedTo(next, to) >= next.maxFollowUps;
  const outOfTime = pacing !== undefined && PACED.has(next.mode) && isOverTime(pacing, input.now - next.startedAt);
  if (outOfFollowUps || outOfTime) {
    const done = finishStep(next, question, input.now, next.mode === 'channel' ? input.by : undefined);
    return { state: done.state, events: [...events, ...done.events] };
  }
  const phase = advancePhase(next, pacing, input.now);
  next = phase.state;
  const ask = askNext(next, question, to, input.now, input.result.followUp);
  return { state: ask.state, events: [...events, ...phase.events, ...ask.events] };
}

/** "Next follow-up" without answering: counts towards the limit like any other follow-up. */
export function nextFollowUp(state: SessionState, question: Question, pacing: Pacing | undefined, by: string, now: number): Step {
  assertActive(state);
  const to = audienceFor(state, by);
  if (followUpsAskedTo(state, to) >= state.maxFollowUps) return finishStep(state, question, now, state.mode === 'channel' ? by : undefined);
  const phase = advancePhase({ ...state, lastActivityAt: now }, pacing, now);
  const ask = askNext(phase.state, question, to, now);
  return { state: ask.state, events: [...phase.events, ...ask.events] };
}

/** A hint names the theme of one uncovered point (the most important not yet hinted), never its content. */
export function giveHint(state: SessionState, question: Question, by: string, now: number): Step {
  assertActive(state);
  const to = audienceFor(state, by);
  const hinted = new Set(state.hints.filter((hint) => hint.to === to).map((hint) => hint.pointId));
  const gap = gapsByImportance(coverageOf(question, state, to)).find((point) => !hinted.has(point.id));
  if (!gap) {
    const text = hinted.size > 0 ? 'No more hints: every uncovered area has had one.' : 'No hint needed: your answers already cover every point.';
    return { state, events: [{ type: 'notice', to, text }] };
  }
  return {
    state: { ...state, lastActivityAt: now, hints: [...state.hints, { to, pointId: gap.id }] },
    events: [{ type: 'hint', to, theme: gap.theme, text: `Think about ${gap.theme.toLowerCase()}: where does it show up in your design?` }],
  };
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

/** Ends a 1:1 session with its scorecard; in a channel, gives the presser their own scorecard. */
export function finishSession(state: SessionState, question: Question, by: string, now: number): Step {
  assertActive(state);
  return finishStep(state, question, now, state.mode === 'channel' ? by : undefined);
}

/**
 * Called on a timer in paced sessions: after a long silence, one gentle nudge per phase;
 * when the round's time is up, the scorecard.
 */
export function tick(state: SessionState, question: Question, pacing: Pacing, now: number): Step {
  if (state.status === 'finished' || !PACED.has(state.mode)) return { state, events: [] };
  if (isOverTime(pacing, now - state.startedAt)) return finishStep(state, question, now, undefined);
  const phase = advancePhase(state, pacing, now);
  const current = phase.state;
  const silentFor = now - current.lastActivityAt;
  if (current.nudgedPhaseIndex === current.phaseIndex || silentFor < nudgeAfterMs(pacing, current.phaseIndex)) return phase;
  const phaseInfo = phaseView(pacing, current.phaseIndex);
  const nudgeText = pacing.phases[current.phaseIndex]?.nudge ?? 'Take your time. Share your thinking so far, even if it is rough.';
  return {
    state: { ...current, nudgedPhaseIndex: current.phaseIndex },
    events: [...phase.events, { type: 'nudge', text: nudgeText, phase: phaseInfo, ...(current.candidateId ? { to: current.candidateId } : {}) }],
  };
}
